import { renderDescription } from '@folkemote/description';
import { escapeHtml } from './escape.ts';
import { formatDate, formatEventTime } from './format.ts';
import { renderDocument, renderFeedLinks, renderSiteFooter, renderSiteHeader } from './layout.ts';
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
import { fitLiveEmbedSize, renderLiveEmbedSnippet } from './live-oembed.ts';
import { describeLive, type LiveView } from './live-view.ts';
import { ogLocale, translate } from './messages.ts';
import { renderContact } from './replay-page.ts';
import { siteUrls } from './urls.ts';

function renderMeta(input: LiveInput, view: LiveView): string {
  const tags: Array<[string, string]> = [
    ['og:type', 'video.other'],
    ['og:title', view.title],
    ['og:description', view.summary],
    ['og:url', view.pageUrl],
    ['og:site_name', view.siteName],
    ['og:locale', ogLocale[view.locale]],
  ];
  return [
    `<link rel="canonical" href="${escapeHtml(view.pageUrl)}">`,
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(view.oembedUrl)}" title="${escapeHtml(view.title)}">`,
    renderFeedLinks(input.baseUrl, view.siteName),
    ...tags.map(([name, content]) => `<meta property="${name}" content="${escapeHtml(content)}">`),
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

function renderEmbedCard(view: LiveView): string {
  const { locale } = view;
  const snippet = renderLiveEmbedSnippet(view, fitLiveEmbedSize());
  return `<section class="card" aria-labelledby="embed-heading">
  <h2 id="embed-heading">${escapeHtml(translate(locale, 'embedHeading'))}</h2>
  <p id="embed-intro">${escapeHtml(translate(locale, 'embedIntro'))}</p>
  <label class="field-label" for="embed-code">${escapeHtml(translate(locale, 'embedLabel'))}</label>
  <textarea id="embed-code" class="embed-code" readonly rows="4" spellcheck="false" aria-describedby="embed-intro">${escapeHtml(snippet)}</textarea>
  <div class="copy-row">
    <button type="button" class="button button--secondary" data-copy-target="embed-code" data-msg-copied="${escapeHtml(
      translate(locale, 'copied'),
    )}" data-msg-copy-failed="${escapeHtml(translate(locale, 'copyFailed'))}" hidden>${escapeHtml(translate(locale, 'copy'))}</button>
    <p class="copy-status" role="status" data-copy-status></p>
  </div>
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
  const body = `${renderSiteHeader(input.baseUrl, locale, view.siteName)}
<main id="main" class="wrap page">
  <p class="back-link"><a href="${escapeHtml(siteUrls.archive(input.baseUrl, locale))}"><span aria-hidden="true">← </span>${escapeHtml(
    translate(locale, 'backToArchive'),
  )}</a></p>
  <h1 class="page-title">${escapeHtml(view.title)}</h1>
  <p class="byline">${byline.map((part) => `<span>${escapeHtml(part)}</span>`).join('')}</p>
  ${openLiveRoot(view, input, 'live live--page')}
  ${renderCountdown(view, input.manifest.startsAt)}
  ${renderLivePlayer(view, 'page')}
  ${renderNotices(view)}
  ${renderHighlightRegion(view)}
  ${renderAsk(view, input.eventPageUrl)}
  </div>
  <div class="columns">
    ${renderAbout(input, view)}
    <div class="sidebar">
      ${renderContact(locale, event.contact)}
      ${renderEmbedCard(view)}
    </div>
  </div>
</main>
${renderSiteFooter(input.baseUrl, locale)}`;
  return renderDocument({
    baseUrl: input.baseUrl,
    locale,
    title: `${view.title} – ${view.siteName}`,
    description: view.summary,
    head: renderMeta(input, view),
    bodyClass: 'replay live-page',
    body,
    script: true,
    scripts: ['live.js'],
  });
}
