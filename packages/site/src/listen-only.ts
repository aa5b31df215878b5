import { escapeHtml } from './escape.ts';
import { translate } from './messages.ts';
import type { ReplayView } from './replay-view.ts';

/**
 * The "listen only" switch of the page and embed players: a toggle button (aria-pressed) that
 * player.js shows once it has found the master playlist's audio-only variant, and a status line
 * that says what plays now. Listening only, the player loads the audio rendition alone, so no
 * video data is fetched. Hidden until then, and absent from audio-only recordings.
 */
export function renderListenOnly(view: ReplayView): string {
  if (!view.usesVideoElement || !view.hasVideo) return '';
  const t = (key: 'listenOnlyLabel' | 'listenOnlyOn' | 'listenOnlyOff') =>
    escapeHtml(translate(view.locale, key));
  return `<button type="button" class="player__listen-only" data-listen-only aria-pressed="false" hidden>${t(
    'listenOnlyLabel',
  )}</button>
  <p class="visually-hidden" data-listen-only-status role="status" data-msg-on="${t('listenOnlyOn')}" data-msg-off="${t(
    'listenOnlyOff',
  )}"></p>`;
}
