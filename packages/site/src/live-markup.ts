import { formatDateTime } from '@folkemote/domain/dates';
import { escapeHtml } from './escape.ts';
import type { LiveInput } from './live-input.ts';
import { type LiveMessageKey, liveMessages, translateLive } from './live-messages.ts';
import type { LivePhase, LiveView } from './live-view.ts';

/**
 * The parts of the live page and its embed. Every part that belongs to some states only carries
 * `data-live-when` (the states it shows in) and is rendered hidden in the others; live.js toggles
 * them as `broadcast.json` changes, so the page is right without its script too.
 */
function when(view: LiveView, phases: LivePhase[]): string {
  return ` data-live-when="${phases.join(' ')}"${phases.includes(view.phase) ? '' : ' hidden'}`;
}

const t = (view: LiveView, key: LiveMessageKey, params?: Record<string, string | number>) =>
  escapeHtml(translateLive(view.locale, key, params));

/** The texts live.js shows itself, in the page's language. */
const scriptMessageKeys: LiveMessageKey[] = [
  'countdownLabel',
  'countdownAnnounce',
  'countdownSoon',
  'nowLive',
  'behindLive',
  'endedReplay',
  'endedWaiting',
  'heldNotice',
  'highlightHeading',
  'liveError',
  'liveUnsupported',
  'unitDay_one',
  'unitDay_other',
  'unitHour_one',
  'unitHour_other',
  'unitMinute_one',
  'unitMinute_other',
  'unitSecond_one',
  'unitSecond_other',
];

/** The opening tag of the element live.js drives: where to poll and what it starts from. */
export function openLiveRoot(view: LiveView, input: LiveInput, className: string): string {
  const texts = Object.fromEntries(scriptMessageKeys.map((key) => [key, liveMessages[view.locale][key]]));
  return `<div class="${className}" data-live data-state="${view.phase}" data-manifest="${escapeHtml(
    view.manifestUrl,
  )}" data-highlight="${escapeHtml(view.highlightUrl)}" data-base="${escapeHtml(view.streamBase)}" data-hls-src="${escapeHtml(
    view.hlsScriptUrl,
  )}" data-initial="${escapeHtml(JSON.stringify(input.manifest))}" data-messages="${escapeHtml(JSON.stringify(texts))}">`;
}

/** Before the start: when it starts, which live.js turns into a countdown. */
export function renderCountdown(view: LiveView, startsAt: string): string {
  return `<div class="countdown"${when(view, ['scheduled'])}>
    <p class="countdown__line"><span data-countdown-label>${t(view, 'startsAtLabel')}</span> <time class="countdown__time" data-countdown datetime="${escapeHtml(
      startsAt,
    )}">${escapeHtml(formatDateTime(startsAt, view.locale, 'full'))}</time></p>
    <p class="visually-hidden" aria-live="polite" data-countdown-announce></p>
  </div>`;
}

/**
 * The player: a video element with no source, which live.js fills with the live playlist or,
 * once ended, the closed one from the start. It is not `data-player`, so player.js leaves it alone.
 */
export function renderLivePlayer(view: LiveView, variant: 'page' | 'embed'): string {
  return `<div id="player" class="player player--video player--${variant} player--live" data-live-player${when(
    view,
    ['live', 'replay'],
  )}>
    <video class="player__media" controls playsinline preload="none" width="1280" height="720"></video>
    <div class="player__message" data-player-message role="alert" hidden>
      <p data-player-message-text></p>
    </div>
    <noscript>
      <div class="player__message"><p>${t(view, 'liveNoScript')}</p></div>
    </noscript>
  </div>
  <div class="live-position"${when(view, ['live'])}>
    <span class="live-badge">${t(view, 'liveBadge')}</span>
    <span class="live-position__behind" data-behind-live></span>
    <button type="button" class="button button--secondary live-position__jump" data-jump-live hidden>${t(
      view,
      'jumpToLive',
    )}</button>
  </div>`;
}

/** What the page says after the end; a status region announces each change of state. */
export function renderNotices(view: LiveView): string {
  return `<p class="live-notice"${when(view, ['replay'])}>${t(view, 'endedReplay')}</p>
  <p class="live-notice"${when(view, ['waiting'])}>${t(view, 'endedWaiting')}</p>
  <p class="live-notice live-notice--held"${when(view, ['held'])}>${t(view, 'heldNotice')}</p>
  <p class="visually-hidden" role="status" data-live-announce></p>`;
}

/**
 * The question being answered: an empty polite live region until `highlight.json` names one;
 * live.js puts its text in (as text, never markup) and takes it out again.
 */
export function renderHighlightRegion(view: LiveView): string {
  return `<div class="live-highlight-region" aria-live="polite" data-highlight-region${when(view, ['scheduled', 'live'])}></div>`;
}

/** How to ask: through the personal link from the registration e-mail; nothing personal here. */
export function renderAsk(view: LiveView, eventPageUrl: string | null): string {
  const link = eventPageUrl
    ? `\n    <p><a href="${escapeHtml(eventPageUrl)}">${t(view, 'eventPageLink')}</a></p>`
    : '';
  return `<section class="card live-ask" aria-labelledby="ask-heading"${when(view, ['scheduled', 'live'])}>
    <h2 id="ask-heading">${t(view, 'askHeading')}</h2>
    <p>${t(view, 'askText')}</p>${link}
  </section>`;
}
