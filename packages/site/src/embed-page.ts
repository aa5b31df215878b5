import { escapeHtml } from './escape.ts';
import { renderDocument } from './layout.ts';
import { renderPlayer } from './player-markup.ts';
import { describeReplay } from './replay-view.ts';
import { parseReplayInput, type ReplayInput } from './types.ts';

/** The player alone, filling the iframe: `replays/<id>/embed.html`. */
export function renderEmbedPage(input: ReplayInput): string {
  parseReplayInput(input);
  const view = describeReplay(input);
  const body = `<main class="embed-main">
  <h1 class="visually-hidden">${escapeHtml(view.title)}</h1>
  ${renderPlayer(view, input.baseUrl, { variant: 'embed' })}
</main>`;
  return renderDocument({
    baseUrl: input.baseUrl,
    locale: view.locale,
    title: `${view.title} – ${view.siteName}`,
    description: view.summary,
    head: `<link rel="canonical" href="${escapeHtml(view.pageUrl)}">\n<meta name="robots" content="noindex">`,
    bodyClass: 'embed',
    body,
    script: true,
  });
}
