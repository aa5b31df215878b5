import { escapeXml } from './escape.ts';
import { describeFeedItem, newestPublishedAt } from './feed-items.ts';
import { formatRfc822 } from './format.ts';
import { translate } from './messages.ts';
import { sortNewestFirst } from './sort-replays.ts';
import { type ArchiveInput, parseArchiveInput } from './types.ts';
import { siteUrls } from './urls.ts';

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/**
 * RSS 2.0 (`feed.xml`) with the download as each item's enclosure, for podcast apps too. A quick
 * version has no download, so its item has no enclosure until the full version is out.
 */
export function renderRssFeed(input: ArchiveInput): string {
  parseArchiveInput(input);
  const { baseUrl, locale } = input;
  const siteName = input.siteName ?? translate(locale, 'siteName');
  const newest = newestPublishedAt(input.items);
  const items = sortNewestFirst(input.items).map((item) => {
    const { view, html } = describeFeedItem(item);
    const { download } = item.version;
    const enclosure =
      view.downloadUrl && download
        ? `\n      <enclosure url="${escapeXml(view.downloadUrl)}" length="${download.bytes}" type="${escapeXml(download.contentType)}"/>`
        : '';
    return `    <item>
      ${element('title', item.recording.title)}
      ${element('link', view.pageUrl)}
      <guid isPermaLink="true">${escapeXml(view.pageUrl)}</guid>
      ${element('pubDate', formatRfc822(item.recording.publishedAt))}
      ${element('description', html)}${enclosure}
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    ${element('title', `${translate(locale, 'archiveTitle')} – ${siteName}`)}
    ${element('link', siteUrls.archive(baseUrl))}
    ${element('description', translate(locale, 'archiveIntro'))}
    ${element('language', locale)}
    <atom:link href="${escapeXml(siteUrls.rssFeed(baseUrl))}" rel="self" type="application/rss+xml"/>${
      newest ? `\n    ${element('lastBuildDate', formatRfc822(newest))}` : ''
    }
${items.join('\n')}
  </channel>
</rss>
`;
}
