import { renderDescription } from '@folkemote/description';
import { escapeHtml } from './escape.ts';
import { formatDate, formatEventTime } from './format.ts';
import { type LiveInput, parseLiveInput } from './live-input.ts';
import {
  openLiveRoot,
  renderAsk,
  renderCountdown,
  renderHighlightRegion,
  renderLivePlayer,
  renderNotices,
} from './live-markup.ts';
import { translateLive } from './live-messages.ts';
import { renderLiveEmbedCode } from './live-oembed.ts';
import { describeLive, type LiveView } from './live-view.ts';
import { translate } from './messages.ts';
import {
  openGraphBasics,
  renderEmbedCard,
  renderPageClosing,
  renderPageDocument,
  renderPageLinks,
  renderPageOpening,
} from './page-parts.ts';
import { renderContact } from './replay-page.ts';

function renderMeta(input: LiveInput, view: LiveView): string {
  return [
    renderPageLinks(input.baseUrl, view),
    ...openGraphBasics(view).map(
      ([name, content]) => `<meta property="${name}" content="${escapeHtml(content)}">`,
    ),
  ].join('\n');
}

function placeOf(input: LiveInput, view: LiveView): string {
  const { mode, address } = input.event;
  if (mode === 'online' || !address) return translateLive(view.locale, 'placeOnline');
  return translateLive(view.locale, mode === 'hybrid' ? 'placeHybrid' : 'placeOnsite', { address });
}

/** Time, place and organiser, then the description: what the event's own page shows. */
function renderAbout(input: LiveInput, view: LiveView): string {
  const { locale } = view;
  const { event } = input;
  const facts: Array<[string, string]> = [
    [
      translate(locale, 'eventTime'),
      `<time datetime="${escapeHtml(event.startsAt)}">${escapeHtml(formatEventTime(locale, event.startsAt, event.endsAt))}</time>`,
    ],
    [translateLive(locale, 'place'), escapeHtml(placeOf(input, view))],
    [translate(locale, 'organiser'), escapeHtml(event.organisation.name)],
  ];
  const description = event.description.trim()
    ? `\n      <div class="prose">\n${renderDescription(event.description)}\n      </div>`
    : '';
  return `<section class="about" aria-labelledby="about-heading">
      <h2 id="about-heading">${escapeHtml(translate(locale, 'eventHeading'))}</h2>
      <dl class="facts">
${facts.map(([term, value]) => `        <div class="facts__row"><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`).join('\n')}
      </dl>${description}
    </section>`;
}

/**
 * The live page of a broadcast, `replays/<id>/index.html`, in the event's language: rendered in
 * the state the database says, then kept in step with `broadcast.json` by live.js (countdown,
 * live stream, the replay from the start, or the word that it is held for review).
 */
export function renderLivePage(input: LiveInput): string {
  parseLiveInput(input);
  const view = describeLive(input);
  const { locale } = view;
  const { event } = input;
  const byline = [event.organisation.name, formatDate(locale, event.startsAt)];
  const body = `${renderPageOpening(input.baseUrl, view, byline)}
  ${openLiveRoot(view, input, 'live live--page')}
  ${renderCountdown(view, input.manifest.startsAt)}
  ${renderLivePlayer(view, 'page')}
  ${renderNotices(view)}
  ${renderHighlightRegion(view)}
  ${renderAsk(view, input.eventPageUrl)}
  </div>
${renderPageClosing(input.baseUrl, locale, renderAbout(input, view), [
  renderContact(locale, event.contact),
  renderEmbedCard(locale, renderLiveEmbedCode(view)),
])}`;
  return renderPageDocument(input.baseUrl, view, {
    head: renderMeta(input, view),
    bodyClass: 'replay live-page',
    body,
    script: true,
    scripts: ['live.js'],
  });
}
