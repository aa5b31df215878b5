import { escapeHtml } from './escape.ts';
import { audioIcon } from './icons.ts';
import { renderListenOnly } from './listen-only.ts';
import { translate } from './messages.ts';
import { renderPlayerControls } from './player-controls-markup.ts';
import type { ReplayView } from './replay-view.ts';
import { siteUrls } from './urls.ts';

/**
 * The media element and the texts player.js needs. The element carries no src: player.js picks
 * native HLS or hls.js and reads its messages from the data attributes, in the page's language.
 * The page's player has the id `player`, the target of the chapter links when there is no download.
 */
export function renderPlayer(
  view: ReplayView,
  baseUrl: string,
  options: { variant: 'page' | 'embed' },
): string {
  const { locale } = view;
  const hasDownload = view.downloadUrl !== null;
  // In an iframe the way out is the full replay page, which also has the download (once there is
  // one); on the page it is the download itself, or the word that it is on its way.
  let messageLink: string;
  if (options.variant === 'embed')
    messageLink = `<a href="${escapeHtml(view.pageUrl)}" target="_blank" rel="noopener">${escapeHtml(
      translate(locale, 'watchOnSite', { site: view.siteName }),
    )}</a>`;
  else if (view.downloadUrl)
    messageLink = `<a href="${escapeHtml(view.downloadUrl)}" download>${escapeHtml(
      translate(locale, view.usesVideoElement ? 'downloadVideo' : 'downloadAudio'),
    )}</a>`;
  else messageLink = escapeHtml(translate(locale, 'downloadPending'));
  const tracks = view.captions
    .map(
      (track) =>
        `\n    <track kind="${track.kind === 'descriptions' ? 'descriptions' : 'captions'}" src="${escapeHtml(track.url)}" srclang="${escapeHtml(track.srclang)}" label="${escapeHtml(track.label)}">`,
    )
    .join('');
  const chapterTrack = view.chaptersUrl
    ? `\n    <track kind="chapters" src="${escapeHtml(view.chaptersUrl)}" srclang="${escapeHtml(locale)}" label="${escapeHtml(
        translate(locale, view.chaptersByHand ? 'chaptersHeadingAll' : 'chaptersHeading'),
      )}">`
    : '';
  const media = view.usesVideoElement
    ? `<video class="player__media" controls playsinline preload="metadata" width="${view.width}" height="${view.height}"${
        view.posterUrl ? ` poster="${escapeHtml(view.posterUrl)}"` : ''
      }>${tracks}${chapterTrack}
  </video>`
    : `<p class="player__audio-label">${audioIcon}<span>${escapeHtml(translate(locale, 'audioOnly'))}</span></p>
  <audio class="player__media" controls preload="metadata"></audio>`;
  const classes = [
    'player',
    `player--${options.variant}`,
    view.usesVideoElement ? 'player--video' : 'player--audio',
  ];
  const id = options.variant === 'page' ? ' id="player"' : '';
  // The page's full version gets a control bar with seek previews; elsewhere the browser's own.
  const controls = options.variant === 'page' ? renderPlayerControls(view) : '';
  const listenOnly = renderListenOnly(view);
  return `<div${id} class="${classes.join(' ')}" data-player data-src="${escapeHtml(view.masterUrl)}" data-hls-src="${escapeHtml(
    siteUrls.asset(baseUrl, 'hls.min.js'),
  )}" data-msg-unsupported="${escapeHtml(
    translate(locale, hasDownload ? 'playerUnsupported' : 'playerUnsupportedNoDownload'),
  )}" data-msg-error="${escapeHtml(translate(locale, hasDownload ? 'playerError' : 'playerErrorNoDownload'))}">
  ${media}${controls ? `\n  ${controls}` : ''}
  <div class="player__message" data-player-message role="alert" hidden>
    <p data-player-message-text></p>
    <p>${messageLink}</p>
  </div>${listenOnly ? `\n  ${listenOnly}` : ''}
  <noscript>
    <div class="player__message">
      <p>${escapeHtml(translate(locale, hasDownload ? 'noScript' : 'noScriptNoDownload'))}</p>
      <p>${messageLink}</p>
    </div>
  </noscript>
</div>`;
}
