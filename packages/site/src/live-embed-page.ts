import { escapeHtml } from './escape.ts';
import { type LiveInput, parseLiveInput } from './live-input.ts';
import {
  openLiveRoot,
  renderCountdown,
  renderHighlightRegion,
  renderLivePlayer,
  renderNotices,
} from './live-markup.ts';
import { translateLive } from './live-messages.ts';
import { describeLive } from './live-view.ts';
import { renderEmbedDocument } from './page-parts.ts';

/** The live page's player and states alone, for an iframe: `replays/<id>/embed.html`. */
export function renderLiveEmbedPage(input: LiveInput): string {
  parseLiveInput(input);
  const view = describeLive(input);
  const body = `<main class="live-embed-main">
  <h1 class="visually-hidden">${escapeHtml(view.title)}</h1>
  ${openLiveRoot(view, input, 'live live--embed')}
  ${renderCountdown(view, input.manifest.startsAt)}
  ${renderLivePlayer(view, 'embed')}
  ${renderNotices(view)}
  ${renderHighlightRegion(view)}
  <p class="live-embed__link"><a href="${escapeHtml(view.pageUrl)}" target="_blank" rel="noopener">${escapeHtml(
    translateLive(view.locale, 'watchLiveOnSite', { site: view.siteName }),
  )}</a></p>
  </div>
</main>`;
  return renderEmbedDocument(input.baseUrl, view, { bodyClass: 'live-embed', body, scripts: ['live.js'] });
}
