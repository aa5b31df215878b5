import type { Locale } from '@folkemote/domain';

/**
 * Public URLs of the static site. The paths mirror `publicKeys` in packages/storage/src/keys.ts
 * (a unit test keeps them in step); pages link to explicit `index.html` files so they work on a
 * plain bucket endpoint that does not serve directory indexes.
 */
export const siteUrls = {
  /** The archive in a language: bokmål at the root, the others under their code. */
  archive: (baseUrl: string, locale: Locale = 'nb') =>
    locale === 'nb' ? `${baseUrl}/index.html` : `${baseUrl}/${locale}/index.html`,
  /** The search page in a language, beside the archive of that language. */
  search: (baseUrl: string, locale: Locale = 'nb') =>
    locale === 'nb' ? `${baseUrl}/search.html` : `${baseUrl}/${locale}/search.html`,
  /** The one search index every search page loads. */
  searchIndex: (baseUrl: string) => `${baseUrl}/search-index.json`,
  replay: (baseUrl: string, recordingId: string) => `${baseUrl}/replays/${recordingId}/index.html`,
  embed: (baseUrl: string, recordingId: string) => `${baseUrl}/replays/${recordingId}/embed.html`,
  oembed: (baseUrl: string, recordingId: string) => `${baseUrl}/replays/${recordingId}/oembed.json`,
  /** A broadcast's state, which the live page polls (`broadcast.refresh` writes it). */
  broadcastManifest: (baseUrl: string, broadcastId: string) =>
    `${baseUrl}/replays/${broadcastId}/broadcast.json`,
  /** The question being answered during a broadcast (the API writes it). */
  broadcastHighlight: (baseUrl: string, broadcastId: string) =>
    `${baseUrl}/replays/${broadcastId}/highlight.json`,
  /** The replay address itself, against which the manifest's playlists are relative. */
  broadcastBase: (baseUrl: string, broadcastId: string) => `${baseUrl}/replays/${broadcastId}/`,
  versionFile: (baseUrl: string, recordingId: string, versionId: string, path: string) =>
    `${baseUrl}/replays/${recordingId}/v/${versionId}/${path}`,
  jsonFeed: (baseUrl: string) => `${baseUrl}/feed.json`,
  rssFeed: (baseUrl: string) => `${baseUrl}/feed.xml`,
  asset: (baseUrl: string, name: string) => `${baseUrl}/assets/${name}`,
};
