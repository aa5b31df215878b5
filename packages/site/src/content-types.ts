/** The Content-Type each generated file must be uploaded with (assets carry their own). */
export const siteContentTypes = {
  html: 'text/html; charset=utf-8',
  /** oEmbed responses are plain JSON; json+oembed is only the discovery link's type. */
  oembed: 'application/json; charset=utf-8',
  jsonFeed: 'application/feed+json',
  rssFeed: 'application/rss+xml; charset=utf-8',
} as const;
