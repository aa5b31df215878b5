import type { Locale } from '@folkemote/domain';
import { escapeHtml } from './escape.ts';
import { formatClock, formatDate, formatDurationWords } from './format.ts';
import { audioIcon } from './icons.ts';
import {
  renderDocument,
  renderFeedLinks,
  renderLanguageAlternates,
  renderSiteFooter,
  renderSiteHeader,
} from './layout.ts';
import { translate, translateCount } from './messages.ts';
import { describeReplay } from './replay-view.ts';
import { sortNewestFirst } from './sort-replays.ts';
import { type ArchiveInput, parseArchiveInput, type ReplayInput } from './types.ts';
import { siteUrls } from './urls.ts';

function renderCard(item: ReplayInput, locale: Locale): string {
  const view = describeReplay(item);
  const seconds = item.recording.durationSeconds;
  const shownDate = item.event?.startsAt ?? item.recording.publishedAt;
  const size = item.version.posterSize ?? { width: view.width, height: view.height };
  const picture = view.posterUrl
    ? `<img src="${escapeHtml(view.posterUrl)}" alt="${escapeHtml(
        translate(locale, 'posterAlt', { title: item.recording.title }),
      )}" width="${size.width}" height="${size.height}" loading="lazy" decoding="async">`
    : `<div class="replay-card__placeholder" aria-hidden="true">${audioIcon}</div>`;
  // Titles keep the language of their own event, which may differ from the archive's.
  const titleLang = view.locale !== locale ? ` lang="${view.locale}"` : '';
  const organisation = item.event
    ? `\n        <p class="replay-card__organisation">${escapeHtml(item.event.organisation.name)}</p>`
    : '';
  const meta = [
    `<span><time datetime="${escapeHtml(shownDate)}">${escapeHtml(formatDate(locale, shownDate))}</time></span>`,
    `<span><span class="visually-hidden">${escapeHtml(translate(locale, 'duration'))}: </span>${escapeHtml(
      formatDurationWords(locale, seconds),
    )}</span>`,
  ];
  return `<li class="replay-card">
      <div class="replay-card__media">
        ${picture}
        <span class="replay-card__duration" aria-hidden="true">${escapeHtml(formatClock(seconds))}</span>
      </div>
      <div class="replay-card__body">
        <h2 class="replay-card__title"${titleLang}><a href="${escapeHtml(view.pageUrl)}">${escapeHtml(item.recording.title)}</a></h2>
${organisation}
        <p class="replay-card__meta">${meta.join('')}</p>
      </div>
    </li>`;
}

/** The archive of every published replay: `index.html` at the root of the public bucket. */
export function renderArchivePage(input: ArchiveInput): string {
  parseArchiveInput(input);
  const { baseUrl, locale } = input;
  const siteName = input.siteName ?? translate(locale, 'siteName');
  const items = sortNewestFirst(input.items);
  const list =
    items.length === 0
      ? `<p class="empty-state">${escapeHtml(translate(locale, 'archiveEmpty'))}</p>`
      : `<p class="archive-count">${escapeHtml(translateCount(locale, 'archiveCount', items.length))}</p>
  <ul class="replay-list">
    ${items.map((item) => renderCard(item, locale)).join('\n    ')}
  </ul>`;
  const archiveIn = (l: Locale) => siteUrls.archive(baseUrl, l);
  const body = `${renderSiteHeader(baseUrl, locale, siteName, archiveIn)}
<main id="main" class="wrap page">
  <h1 class="page-title">${escapeHtml(translate(locale, 'archiveTitle'))}</h1>
  <p class="lede">${escapeHtml(translate(locale, 'archiveIntro'))}</p>
  <p class="archive-search"><a href="${escapeHtml(siteUrls.search(baseUrl, locale))}">${escapeHtml(translate(locale, 'searchLink'))}</a></p>
  ${list}
</main>
${renderSiteFooter(baseUrl, locale)}`;
  return renderDocument({
    baseUrl,
    locale,
    title: `${translate(locale, 'archiveTitle')} – ${siteName}`,
    description: translate(locale, 'archiveIntro'),
    head: `<link rel="canonical" href="${escapeHtml(archiveIn(locale))}">\n${renderLanguageAlternates(archiveIn)}\n${renderFeedLinks(baseUrl, siteName)}`,
    bodyClass: 'archive',
    body,
  });
}
