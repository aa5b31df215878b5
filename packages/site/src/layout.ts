import type { Locale } from '@folkemote/domain';
import { escapeHtml } from './escape.ts';
import { translate } from './messages.ts';
import { siteUrls } from './urls.ts';

export interface DocumentParts {
  baseUrl: string;
  locale: Locale;
  title: string;
  description: string;
  /** Extra `<head>` markup, already escaped. */
  head?: string;
  bodyClass?: string;
  /** The body markup, already escaped. */
  body: string;
  /** Whether the page needs the player script. */
  script?: boolean;
  /** Further scripts under `assets/`, loaded after the player script (deferred, in order). */
  scripts?: string[];
  /** Module scripts under `assets/` (search.js). */
  modules?: string[];
}

/**
 * A policy that lets the page load nothing but files under the public base URL; blob: is where
 * hls.js keeps its media source and worker. It backs up, in the browser, the promise that the
 * site makes no third-party requests.
 */
export function contentSecurityPolicy(baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  return [
    "default-src 'none'",
    `script-src ${origin}`,
    `style-src ${origin}`,
    `img-src ${origin} data:`,
    `media-src ${origin} blob:`,
    `connect-src ${origin}`,
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderDocument(parts: DocumentParts): string {
  const { baseUrl, locale } = parts;
  const classic = [...(parts.script ? ['player.js'] : []), ...(parts.scripts ?? [])];
  const script = [
    ...classic.map((name) => `\n<script src="${escapeHtml(siteUrls.asset(baseUrl, name))}" defer></script>`),
    ...(parts.modules ?? []).map(
      (name) => `\n<script type="module" src="${escapeHtml(siteUrls.asset(baseUrl, name))}"></script>`,
    ),
  ].join('');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(baseUrl))}">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>${escapeHtml(parts.title)}</title>
<meta name="description" content="${escapeHtml(parts.description)}">
<link rel="icon" href="${escapeHtml(siteUrls.asset(baseUrl, 'favicon.svg'))}" type="image/svg+xml">
<link rel="stylesheet" href="${escapeHtml(siteUrls.asset(baseUrl, 'site.css'))}">${parts.head ? `\n${parts.head}` : ''}${script}
</head>
<body${parts.bodyClass ? ` class="${escapeHtml(parts.bodyClass)}"` : ''}>
${parts.body}
</body>
</html>
`;
}

const siteLocales: readonly Locale[] = ['nb', 'nn', 'en'];

/** Links to the same shared page in each language, each named in its own language. */
function renderLanguageNav(locale: Locale, hrefOf: (l: Locale) => string): string {
  const items = siteLocales
    .map(
      (l) =>
        `<li><a href="${escapeHtml(hrefOf(l))}" lang="${l}" hreflang="${l}"${l === locale ? ' aria-current="page"' : ''}>${escapeHtml(
          translate(l, 'languageName'),
        )}</a></li>`,
    )
    .join('');
  return `
    <nav class="language-nav" aria-label="${escapeHtml(translate(locale, 'languageNav'))}"><ul>${items}</ul></nav>`;
}

/**
 * The header. Shared pages (the archive) pass `languageHref` and offer all three languages; a
 * replay page is in its event's language and links to the archive in that language.
 */
export function renderSiteHeader(
  baseUrl: string,
  locale: Locale,
  siteName: string,
  languageHref?: (l: Locale) => string,
): string {
  return `<a class="skip-link" href="#main">${escapeHtml(translate(locale, 'skipToContent'))}</a>
<header class="site-header">
  <div class="wrap site-header__inner">
    <a class="site-name" href="${escapeHtml(siteUrls.archive(baseUrl, locale))}">${escapeHtml(siteName)}</a>${
      languageHref ? renderLanguageNav(locale, languageHref) : ''
    }
  </div>
</header>`;
}

/** `<link rel="alternate" hreflang>` for a shared page that exists in all three languages. */
export function renderLanguageAlternates(hrefOf: (l: Locale) => string): string {
  return siteLocales
    .map((l) => `<link rel="alternate" hreflang="${l}" href="${escapeHtml(hrefOf(l))}">`)
    .join('\n');
}

export function renderSiteFooter(baseUrl: string, locale: Locale): string {
  return `<footer class="site-footer">
  <div class="wrap site-footer__inner">
    <p>${escapeHtml(translate(locale, 'privacyNote'))}</p>
    <nav aria-label="${escapeHtml(translate(locale, 'subscribe'))}">
      <ul class="feed-links">
        <li><a href="${escapeHtml(siteUrls.rssFeed(baseUrl))}" type="application/rss+xml">${escapeHtml(translate(locale, 'rssFeed'))}</a></li>
        <li><a href="${escapeHtml(siteUrls.jsonFeed(baseUrl))}" type="application/feed+json">${escapeHtml(translate(locale, 'jsonFeed'))}</a></li>
      </ul>
    </nav>
  </div>
</footer>`;
}

/** `<link rel="alternate">` for the feeds, so browsers and feed readers find them. */
export function renderFeedLinks(baseUrl: string, siteName: string): string {
  return `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(siteName)}" href="${escapeHtml(siteUrls.rssFeed(baseUrl))}">
<link rel="alternate" type="application/feed+json" title="${escapeHtml(siteName)}" href="${escapeHtml(siteUrls.jsonFeed(baseUrl))}">`;
}
