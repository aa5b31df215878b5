import { escapeHtml } from './escape.ts';
import { renderEmbedDocument } from './page-parts.ts';
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
  return renderEmbedDocument(input.baseUrl, view, { bodyClass: 'embed', body, script: true });
}
