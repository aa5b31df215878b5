import { renderDescription } from '@folkemote/description';
import type { Locale, PublicEvent } from '@folkemote/domain';
import { escapeHtml, jsonForScript } from './escape.ts';
import {
  describeFormat,
  formatBytes,
  formatClock,
  formatDate,
  formatDurationWords,
  formatEventTime,
  formatIsoDuration,
} from './format.ts';
import { translate } from './messages.ts';
import { fitEmbedSize, renderEmbedSnippet } from './oembed.ts';
import {
  openGraphBasics,
  renderEmbedCard,
  renderPageClosing,
  renderPageDocument,
  renderPageLinks,
  renderPageOpening,
} from './page-parts.ts';
import { renderPlayer } from './player-markup.ts';
import { describeReplay, type ReplayView } from './replay-view.ts';
import { renderTranscript } from './transcript-markup.ts';
import { parseReplayInput, type ReplayInput } from './types.ts';

function renderMeta(input: ReplayInput, view: ReplayView): string {
  const tags: Array<[string, string, string]> = openGraphBasics(view).map(([name, content]) => [
    'property',
    name,
    content,
  ]);
  if (view.posterUrl) tags.push(['property', 'og:image', view.posterUrl]);
  if (view.posterUrl && input.version.posterSize) {
    tags.push(['property', 'og:image:width', String(input.version.posterSize.width)]);
    tags.push(['property', 'og:image:height', String(input.version.posterSize.height)]);
  }
  // og:video names a file a browser plays as it is, so only the download: not the HLS playlist.
  const { download } = input.version;
  if (view.downloadUrl && download) {
    tags.push(['property', 'og:video', view.downloadUrl]);
    tags.push(['property', 'og:video:type', download.contentType]);
  }
  tags.push(['property', 'video:duration', String(Math.round(input.recording.durationSeconds))]);
  tags.push(['name', 'twitter:card', view.posterUrl ? 'summary_large_image' : 'summary']);
  const metaTags = tags.map(
    ([attribute, name, content]) => `<meta ${attribute}="${name}" content="${escapeHtml(content)}">`,
  );
  const structured = {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: view.title,
    description: view.summary,
    uploadDate: input.recording.publishedAt,
    duration: formatIsoDuration(input.recording.durationSeconds),
    ...(view.downloadUrl ? { contentUrl: view.downloadUrl } : {}),
    embedUrl: view.embedUrl,
    inLanguage: view.locale,
    ...(view.posterUrl ? { thumbnailUrl: view.posterUrl } : {}),
  };
  return [
    renderPageLinks(input.baseUrl, view),
    ...metaTags,
    `<script type="application/ld+json">${jsonForScript(structured)}</script>`,
  ].join('\n');
}

function renderDuration(locale: Locale, seconds: number): string {
  return `<time datetime="${formatIsoDuration(seconds)}">${escapeHtml(formatDurationWords(locale, seconds))}</time>`;
}

function renderFacts(input: ReplayInput, view: ReplayView): string {
  const { locale } = view;
  const facts: Array<[string, string]> = [];
  const event = input.event;
  if (event) {
    facts.push([
      translate(locale, 'eventTime'),
      `<time datetime="${escapeHtml(event.startsAt)}">${escapeHtml(formatEventTime(locale, event.startsAt, event.endsAt))}</time>`,
    ]);
    facts.push([translate(locale, 'organiser'), escapeHtml(event.organisation.name)]);
  }
  facts.push([translate(locale, 'duration'), renderDuration(locale, input.recording.durationSeconds)]);
  facts.push([
    translate(locale, 'published'),
    `<time datetime="${escapeHtml(input.recording.publishedAt)}">${escapeHtml(formatDate(locale, input.recording.publishedAt))}</time>`,
  ]);
  return `<dl class="facts">
${facts.map(([term, value]) => `  <div class="facts__row"><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`).join('\n')}
</dl>`;
}

export function renderContact(locale: Locale, contact: PublicEvent['contact']): string {
  const phoneHref = contact.phone ? contact.phone.replace(/[^\d+]/g, '') : '';
  return `<section class="card" aria-labelledby="contact-heading">
  <h2 id="contact-heading">${escapeHtml(translate(locale, 'contactHeading'))}</h2>
  <p class="contact__name">${escapeHtml(contact.name)}</p>
  <dl class="contact">
    <div><dt>${escapeHtml(translate(locale, 'email'))}</dt><dd><a href="mailto:${escapeHtml(contact.email)}">${escapeHtml(contact.email)}</a></dd></div>${
      contact.phone
        ? `\n    <div><dt>${escapeHtml(translate(locale, 'phone'))}</dt><dd><a href="tel:${escapeHtml(phoneHref)}">${escapeHtml(contact.phone)}</a></dd></div>`
        : ''
    }
  </dl>
</section>`;
}

function renderReplayEmbedCard(view: ReplayView): string {
  return renderEmbedCard(view.locale, renderEmbedSnippet(view, fitEmbedSize(view)));
}

/** WCAG 1.2.5: the organiser's statement that everything shown was said aloud, or the description track. */
function renderAudioDescriptionNote(input: ReplayInput, locale: ReplayView['locale']): string {
  const described = input.captions.filter((track) => track.kind === 'descriptions');
  if (input.audioDescription === 'said_aloud')
    return `\n  <p class="actions__note" data-audio-description="said-aloud">${escapeHtml(
      translate(locale, 'audioDescriptionSaidAloud'),
    )}</p>`;
  if (described.length > 0)
    return `\n  <p class="actions__note" data-audio-description="track">${escapeHtml(
      translate(locale, 'audioDescriptionTrack', { languages: described.map((t) => t.label).join(', ') }),
    )}</p>`;
  return '';
}

function renderActions(input: ReplayInput, view: ReplayView): string {
  const { locale } = view;
  const { download } = input.version;
  const captions = input.captions.filter((track) => (track.kind ?? 'captions') === 'captions');
  const languages = captions.map((track) => track.label).join(', ');
  // A quick version has no download yet: the full version brings it and rewrites this page.
  let first: string;
  if (view.downloadUrl && download) {
    const hint = translate(locale, 'downloadHint', {
      format: describeFormat(download.contentType, download.file),
      size: formatBytes(locale, download.bytes),
    });
    first = `<a class="button" href="${escapeHtml(view.downloadUrl)}" download type="${escapeHtml(download.contentType)}">${escapeHtml(
      translate(locale, view.usesVideoElement ? 'downloadVideo' : 'downloadAudio'),
    )} <span class="button__hint">(${escapeHtml(hint)})</span></a>`;
  } else {
    first = `<p class="actions__note">${escapeHtml(translate(locale, 'downloadPending'))}</p>`;
  }
  return `<div class="actions">
  ${first}${
    captions.length > 0
      ? `\n  <p class="actions__note">${escapeHtml(translate(locale, 'captionsAvailable', { languages }))}</p>`
      : ''
  }${renderAudioDescriptionNote(input, locale)}
</div>`;
}

/**
 * The answered questions as a list beside the chapter track: each links to the
 * download at that moment (a media fragment, for readers without the player
 * script; to the player itself while there is no download) and player.js turns
 * the link into a jump in the page's player.
 */
function renderChapters(view: ReplayView): string {
  if (view.chapters.length === 0) return '';
  const { locale } = view;
  const items = view.chapters.map((chapter) => {
    const start = Math.floor(chapter.startSeconds * 1000) / 1000;
    const href = view.downloadUrl ? `${view.downloadUrl}#t=${start}` : '#player';
    return `    <li><a href="${escapeHtml(href)}" data-seek="${start}"><time datetime="${formatIsoDuration(
      Math.floor(start),
    )}">${escapeHtml(formatClock(Math.floor(start)))}</time> <span>${escapeHtml(chapter.title)}</span></a></li>`;
  });
  return `<section class="card chapters" aria-labelledby="chapters-heading">
  <h2 id="chapters-heading">${escapeHtml(translate(locale, view.chaptersByHand ? 'chaptersHeadingAll' : 'chaptersHeading'))}</h2>
  <p>${escapeHtml(translate(locale, view.chaptersByHand ? 'chaptersIntroAll' : 'chaptersIntro'))}</p>
  <ol class="chapters__list">
${items.join('\n')}
  </ol>
</section>`;
}

/** The public replay page: `replays/<id>/index.html`, rewritten when a new version is published. */
export function renderReplayPage(input: ReplayInput): string {
  parseReplayInput(input);
  const view = describeReplay(input);
  const { locale } = view;
  const event = input.event;
  const byline = [
    event?.organisation.name,
    event ? formatDate(locale, event.startsAt) : formatDate(locale, input.recording.publishedAt),
    formatDurationWords(locale, input.recording.durationSeconds),
  ].filter((part): part is string => Boolean(part));
  const description = event?.description.trim()
    ? `\n<div class="prose">\n${renderDescription(event.description)}\n</div>`
    : '';
  const eventTitle =
    event && event.title !== input.recording.title
      ? `\n<p class="about__event-title">${escapeHtml(event.title)}</p>`
      : '';
  const body = `${renderPageOpening(input.baseUrl, view, byline)}
  ${renderPlayer(view, input.baseUrl, { variant: 'page' })}
  ${renderActions(input, view)}
  ${renderChapters(view)}
  ${renderTranscript(view, input.transcript)}
${renderPageClosing(
  input.baseUrl,
  locale,
  `<section class="about" aria-labelledby="about-heading">
      <h2 id="about-heading">${escapeHtml(translate(locale, event ? 'eventHeading' : 'recordingHeading'))}</h2>${eventTitle}
      ${renderFacts(input, view)}${description}
    </section>`,
  [event ? renderContact(locale, event.contact) : '', renderReplayEmbedCard(view)],
)}`;
  return renderPageDocument(input.baseUrl, view, {
    head: renderMeta(input, view),
    bodyClass: 'replay',
    body,
    script: true,
    scripts: ['transcript.js'],
  });
}
