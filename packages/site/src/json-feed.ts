import { describeFeedItem } from './feed-items.ts';
import { translate } from './messages.ts';
import { sortNewestFirst } from './sort-replays.ts';
import { type ArchiveInput, parseArchiveInput } from './types.ts';
import { siteUrls } from './urls.ts';

export interface JsonFeedAttachment {
  url: string;
  mime_type: string;
  title?: string;
  size_in_bytes?: number;
  duration_in_seconds?: number;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  content_text: string;
  summary: string;
  image?: string;
  date_published: string;
  language: string;
  authors?: Array<{ name: string }>;
  /** The download; absent while only the quick version (which has none) is out. */
  attachments?: JsonFeedAttachment[];
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

/** JSON Feed 1.1 (`feed.json`): newest first, each item carrying its download (when it has one) as an attachment. */
export function renderJsonFeed(input: ArchiveInput): JsonFeed {
  parseArchiveInput(input);
  const { baseUrl, locale } = input;
  const siteName = input.siteName ?? translate(locale, 'siteName');
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${translate(locale, 'archiveTitle')} – ${siteName}`,
    home_page_url: siteUrls.archive(baseUrl),
    feed_url: siteUrls.jsonFeed(baseUrl),
    description: translate(locale, 'archiveIntro'),
    language: locale,
    items: sortNewestFirst(input.items).map((item) => {
      const { view, text, html } = describeFeedItem(item);
      const { download } = item.version;
      const feedItem: JsonFeedItem = {
        id: view.pageUrl,
        url: view.pageUrl,
        title: item.recording.title,
        content_html: html,
        content_text: text,
        summary: view.summary,
        date_published: item.recording.publishedAt,
        language: view.locale,
      };
      if (view.downloadUrl && download) {
        feedItem.attachments = [
          {
            url: view.downloadUrl,
            mime_type: download.contentType,
            title: item.recording.title,
            size_in_bytes: download.bytes,
            duration_in_seconds: Math.round(item.recording.durationSeconds),
          },
        ];
      }
      if (view.posterUrl) feedItem.image = view.posterUrl;
      if (item.event) feedItem.authors = [{ name: item.event.organisation.name }];
      return feedItem;
    }),
  };
}
