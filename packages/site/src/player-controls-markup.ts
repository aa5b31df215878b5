import { escapeHtml } from './escape.ts';
import { formatClock } from './format.ts';
import { type MessageKey, translate } from './messages.ts';
import type { ReplayView } from './replay-view.ts';

const icon = (path: string, name: string) =>
  `<svg class="icon icon--${name}" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="${path}" fill="currentColor"/></svg>`;

const icons = {
  play: icon('M8 5v14l11-7z', 'play'),
  pause: icon('M6 5h4v14H6zM14 5h4v14h-4z', 'pause'),
  sound: icon('M4 9v6h4l5 5V4L8 9zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z', 'sound'),
  captions: icon(
    'M19 5H5a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm-8 6H9.5v-.5h-2v3h2V13H11v1a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1v-4a1 1 0 0 1 1-1h3a1 1 0 0 1 1 1zm7 0h-1.5v-.5h-2v3h2V13H18v1a1 1 0 0 1-1 1h-3a1 1 0 0 1-1-1v-4a1 1 0 0 1 1-1h3a1 1 0 0 1 1 1z',
    'captions',
  ),
  fullscreen: icon('M5 5h5v2H7v3H5zm9 0h5v5h-2V7h-3zM5 14h2v3h3v2H5zm12 0h2v5h-5v-2h3z', 'fullscreen'),
};

function button(action: string, label: string, content: string, extra = ''): string {
  return `<button type="button" class="player__button" data-action="${action}" aria-label="${escapeHtml(label)}"${extra}>${content}</button>`;
}

/**
 * The page player's own control bar for a video with a thumbnail sprite (full versions): play,
 * a timeline that previews the moment under the pointer or the keyboard's thumb with the sprite's
 * tile, the time, sound, captions and full screen. It stays hidden until player.js takes the
 * video's native controls away and shows it, so without the script the browser's own controls
 * remain. The preview is aria-hidden: the slider's value text already says the time.
 * player.js fills `{time}` in `data-msg-value-text` as the value changes.
 */
export function renderPlayerControls(view: ReplayView): string {
  const max = Math.round(view.durationSeconds);
  if (!view.spriteVttUrl || !view.usesVideoElement || max < 1) return '';
  const { locale } = view;
  const t = (key: MessageKey) => translate(locale, key);
  const duration = formatClock(max);
  const messages = (['play', 'pause', 'fullscreen', 'exitFullscreen'] as const)
    .map(
      (key) =>
        ` data-msg-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${escapeHtml(t(`${key}Label`))}"`,
    )
    .join('');
  const captions =
    view.captions.length > 0
      ? `\n  ${button('captions', t('captionsLabel'), icons.captions, ' aria-pressed="false"')}`
      : '';
  return `<div class="player__controls" data-player-controls data-sprite-vtt="${escapeHtml(view.spriteVttUrl)}" data-msg-value-text="${escapeHtml(
    translate(locale, 'seekValueText', { duration }),
  )}"${messages} hidden>
  ${button('play', t('playLabel'), `${icons.play}${icons.pause}`)}
  <div class="seek__track">
    <input id="seek-input" class="seek__input" type="range" min="0" max="${max}" step="1" value="0" aria-label="${escapeHtml(
      t('seekLabel'),
    )}" aria-valuetext="${escapeHtml(translate(locale, 'seekValueText', { time: formatClock(0), duration }))}">
    <div class="seek__preview" data-seek-preview aria-hidden="true" hidden>
      <div class="seek__tile" data-seek-tile></div>
      <span class="seek__time" data-seek-time></span>
    </div>
  </div>
  <span class="player__time" data-player-time aria-hidden="true">${formatClock(0)} / ${duration}</span>
  ${button('mute', t('muteLabel'), icons.sound, ' aria-pressed="false"')}${captions}
  ${button('fullscreen', t('fullscreenLabel'), icons.fullscreen)}
</div>`;
}
