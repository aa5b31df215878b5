import type { Locale } from '@folkemote/domain';
import { escapeHtml } from './escape.ts';
import { renderDocument, renderLanguageAlternates, renderSiteFooter, renderSiteHeader } from './layout.ts';
import { type MessageKey, translate } from './messages.ts';
import { siteUrls } from './urls.ts';

export interface SearchPageInput {
  baseUrl: string;
  locale: Locale;
  siteName?: string;
}

// The texts search.js shows, handed over as data attributes in the page's language.
const scriptMessages: Array<[string, MessageKey]> = [
  ['loading', 'searchLoading'],
  ['failed', 'searchFailed'],
  ['empty', 'searchEmptyQuery'],
  ['none', 'searchNone'],
  ['count-one', 'searchCount_one'],
  ['count-other', 'searchCount_other'],
  ['moments-one', 'searchMoments_one'],
  ['moments-other', 'searchMoments_other'],
  ['kind-t', 'searchKindTitle'],
  ['kind-d', 'searchKindDescription'],
  ['kind-c', 'searchKindChapter'],
  ['kind-x', 'searchKindTranscript'],
];

/**
 * The search page (`search.html`, `nn/search.html`, `en/search.html`): a labelled search field
 * and an empty result list. search.js loads `search-index.json` from the same origin, searches
 * it in the browser and fills the list; a status line (a polite live region) says how many
 * recordings matched. Nothing is sent anywhere: the query stays in the page (and its address).
 */
export function renderSearchPage(input: SearchPageInput): string {
  const { baseUrl, locale } = input;
  const siteName = input.siteName ?? translate(locale, 'siteName');
  const searchIn = (l: Locale) => siteUrls.search(baseUrl, l);
  const data = scriptMessages
    .map(([name, key]) => ` data-msg-${name}="${escapeHtml(translate(locale, key))}"`)
    .join('');
  const body = `${renderSiteHeader(baseUrl, locale, siteName, searchIn)}
<main id="main" class="wrap page">
  <p class="back-link"><a href="${escapeHtml(siteUrls.archive(baseUrl, locale))}"><span aria-hidden="true">← </span>${escapeHtml(
    translate(locale, 'backToArchive'),
  )}</a></p>
  <h1 class="page-title">${escapeHtml(translate(locale, 'searchTitle'))}</h1>
  <p class="lede">${escapeHtml(translate(locale, 'searchIntro'))}</p>
  <form class="search-form" role="search" data-search data-index="${escapeHtml(
    siteUrls.searchIndex(baseUrl),
  )}" data-replay-base="${escapeHtml(`${baseUrl}/replays/`)}" data-locale="${locale}"${data}>
    <label class="field-label" id="search-label" for="search-query">${escapeHtml(translate(locale, 'searchLabel'))}</label>
    <p class="search-form__hint" id="search-hint">${escapeHtml(translate(locale, 'searchHint'))}</p>
    <div class="search-form__row">
      <input class="search-form__input" id="search-query" name="q" type="search" autocomplete="off" spellcheck="false" maxlength="200" aria-describedby="search-hint">
      <button class="button" type="submit">${escapeHtml(translate(locale, 'searchButton'))}</button>
    </div>
  </form>
  <noscript><p class="notice">${escapeHtml(translate(locale, 'searchNoScript'))}</p></noscript>
  <p class="search-status" role="status" aria-live="polite" data-search-status></p>
  <section class="search-results" aria-labelledby="search-results-heading" data-search-results-section hidden>
    <h2 id="search-results-heading" class="visually-hidden">${escapeHtml(translate(locale, 'searchResultsHeading'))}</h2>
    <ol class="search-results__list" data-search-results></ol>
  </section>
</main>
${renderSiteFooter(baseUrl, locale)}`;
  return renderDocument({
    baseUrl,
    locale,
    title: `${translate(locale, 'searchTitle')} – ${siteName}`,
    description: translate(locale, 'searchIntro'),
    head: `<link rel="canonical" href="${escapeHtml(searchIn(locale))}">\n${renderLanguageAlternates(searchIn)}\n<link rel="modulepreload" href="${escapeHtml(
      siteUrls.asset(baseUrl, 'search-core.js'),
    )}">`,
    bodyClass: 'search',
    body,
    modules: ['search.js'],
  });
}
