import type { Locale } from '@folkemote/domain';
import { escapeHtml } from './escape.ts';
import {
  type DocumentParts,
  renderDocument,
  renderFeedLinks,
  renderSiteFooter,
  renderSiteHeader,
} from './layout.ts';
import { ogLocale, translate } from './messages.ts';
import type { OembedOptions } from './types.ts';
import { siteUrls } from './urls.ts';

/** What the replay page and the live page both say about the page itself. */
export interface PageIdentity {
  locale: Locale;
  siteName: string;
  title: string;
  /** Plain text for meta descriptions and feeds: the start of the event description. */
  summary: string;
  pageUrl: string;
  embedUrl: string;
  oembedUrl: string;
}

export interface EmbedSize {
  width: number;
  height: number;
}

const defaultEmbedWidth = 640;
const summaryLength = 200;

/** A description's plain text cut to about 200 characters at a word, for meta descriptions and feeds. */
export function summarise(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= summaryLength) return flat;
  const cut = flat.slice(0, summaryLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > summaryLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

/** The consumer's maxwidth and maxheight as whole positive numbers, or undefined where not given. */
export function embedLimits(options: OembedOptions = {}): { maxwidth?: number; maxheight?: number } {
  return { maxwidth: positive(options.maxwidth), maxheight: positive(options.maxheight) };
}

/** 640 wide at the picture's aspect ratio (height / width), shrunk to fit maxwidth and maxheight. */
export function fitVideoToBox(ratio: number, options: OembedOptions = {}): EmbedSize {
  const { maxwidth, maxheight } = embedLimits(options);
  let width = Math.min(defaultEmbedWidth, maxwidth ?? defaultEmbedWidth);
  let height = Math.round(width * ratio);
  if (maxheight !== undefined && height > maxheight) {
    height = maxheight;
    width = Math.round(height / ratio);
  }
  return { width, height };
}

/** The iframe a county's website pastes in, named for screen readers. */
export function renderIframeSnippet(parts: {
  url: string;
  title: string;
  size: EmbedSize;
  allow: string;
}): string {
  const { url, title, size, allow } = parts;
  return `<iframe src="${escapeHtml(url)}" width="${size.width}" height="${size.height}" title="${escapeHtml(
    title,
  )}" allow="${escapeHtml(allow)}" allowfullscreen loading="lazy" style="border:0;max-width:100%"></iframe>`;
}

/** The card with the embed code and its copy button (hidden until the page's script runs). */
export function renderEmbedCard(locale: Locale, snippet: string): string {
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

/** The Open Graph properties every public video page has, before its own. */
export function openGraphBasics(page: PageIdentity): Array<[string, string]> {
  return [
    ['og:type', 'video.other'],
    ['og:title', page.title],
    ['og:description', page.summary],
    ['og:url', page.pageUrl],
    ['og:site_name', page.siteName],
    ['og:locale', ogLocale[page.locale]],
  ];
}

/** The canonical address, the oEmbed discovery link and the archive's feeds. */
export function renderPageLinks(baseUrl: string, page: PageIdentity): string {
  return [
    `<link rel="canonical" href="${escapeHtml(page.pageUrl)}">`,
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(page.oembedUrl)}" title="${escapeHtml(page.title)}">`,
    renderFeedLinks(baseUrl, page.siteName),
  ].join('\n');
}

/** The site header, then the page's opening: the way back to the archive, the title and the byline. */
export function renderPageOpening(baseUrl: string, page: PageIdentity, byline: string[]): string {
  const { locale } = page;
  return `${renderSiteHeader(baseUrl, locale, page.siteName)}
<main id="main" class="wrap page">
  <p class="back-link"><a href="${escapeHtml(siteUrls.archive(baseUrl, locale))}"><span aria-hidden="true">← </span>${escapeHtml(
    translate(locale, 'backToArchive'),
  )}</a></p>
  <h1 class="page-title">${escapeHtml(page.title)}</h1>
  <p class="byline">${byline.map((part) => `<span>${escapeHtml(part)}</span>`).join('')}</p>`;
}

/** The page's closing: the details beside the sidebar's cards, then the site's footer. */
export function renderPageClosing(baseUrl: string, locale: Locale, about: string, sidebar: string[]): string {
  return `  <div class="columns">
    ${about}
    <div class="sidebar">
      ${sidebar.filter((card) => card !== '').join('\n      ')}
    </div>
  </div>
</main>
${renderSiteFooter(baseUrl, locale)}`;
}

type PageDocumentParts = Pick<DocumentParts, 'head' | 'bodyClass' | 'body' | 'script' | 'scripts'>;

/** A public video page's document, titled and described from the page. */
export function renderPageDocument(baseUrl: string, page: PageIdentity, parts: PageDocumentParts): string {
  return renderDocument({
    baseUrl,
    locale: page.locale,
    title: `${page.title} – ${page.siteName}`,
    description: page.summary,
    ...parts,
  });
}

/** An embed page: the main part alone, pointing search engines at the full page. */
export function renderEmbedDocument(
  baseUrl: string,
  page: PageIdentity,
  parts: Omit<PageDocumentParts, 'head'>,
): string {
  return renderPageDocument(baseUrl, page, {
    head: `<link rel="canonical" href="${escapeHtml(page.pageUrl)}">\n<meta name="robots" content="noindex">`,
    ...parts,
  });
}
