import { escapeHtml } from './escape.ts';
import { formatClock } from './format.ts';
import { translate } from './messages.ts';
import type { ReplayView } from './replay-view.ts';

/**
 * The slider under the page's player that previews the recording with the thumbnail sprite,
 * which the browser's own controls cannot do. Only for video with a sprite (full versions).
 * It is hidden until player.js shows it, so a visitor without the script never meets a control
 * that does nothing. The preview is aria-hidden: the slider's value text already says the time.
 * player.js fills `{time}` in `data-msg-value-text` as the value changes.
 */
export function renderSeekSlider(view: ReplayView): string {
  const max = Math.round(view.durationSeconds);
  if (!view.spriteVttUrl || max < 1) return '';
  const { locale } = view;
  const duration = formatClock(max);
  return `<div class="seek" data-seek-slider data-sprite-vtt="${escapeHtml(view.spriteVttUrl)}" data-msg-value-text="${escapeHtml(
    translate(locale, 'seekValueText', { duration }),
  )}" hidden>
  <label class="seek__label" for="seek-input">${escapeHtml(translate(locale, 'seekLabel'))}</label>
  <div class="seek__track">
    <input id="seek-input" class="seek__input" type="range" min="0" max="${max}" step="1" value="0" aria-valuetext="${escapeHtml(
      translate(locale, 'seekValueText', { time: formatClock(0), duration }),
    )}">
    <div class="seek__preview" data-seek-preview aria-hidden="true" hidden>
      <div class="seek__tile" data-seek-tile></div>
      <span class="seek__time" data-seek-time></span>
    </div>
  </div>
</div>`;
}
