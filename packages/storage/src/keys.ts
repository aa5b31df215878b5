/** A caption or description track: its file name is the language, with `-descriptions` for the latter. */
export interface CaptionTrackName {
  language: string;
  kind: 'captions' | 'descriptions';
}

/** Description tracks get a name of their own, so they never share a key with captions. */
const trackFileName = ({ language, kind }: CaptionTrackName) =>
  kind === 'captions' ? language : `${language}-descriptions`;

/**
 * Where everything lives in the two buckets. The raw bucket holds sources as
 * LiveKit Egress or `pnpm cli import` wrote them; the public bucket is a static,
 * cookieless site that keeps working when our servers are down.
 */
export const rawKeys = {
  /** No extension: what a recording is comes from its content, never from the name it was sent with. */
  source: (recordingId: string) => `recordings/${recordingId}/source`,
  /** Draft captions and description tracks (from speech, an upload or the editor): private until approved, then copied to the public bucket. */
  captionsDraft: (recordingId: string, track: CaptionTrackName, hash: string) =>
    `recordings/${recordingId}/captions-draft/${trackFileName(track)}.${hash}.vtt`,
  /** Everything of one recording's sources (the source and any upload parts). */
  recordingPrefix: (recordingId: string) => `recordings/${recordingId}/`,
  /**
   * A version not (or no longer) public: the same layout as in the public bucket, under `review/`
   * of the raw bucket, which organisers preview through the API and nothing public links to.
   */
  reviewVersionPrefix: (recordingId: string, versionId: string) =>
    `review/replays/${recordingId}/v/${versionId}/`,
  reviewPrefix: (recordingId: string) => `review/replays/${recordingId}/`,
  /**
   * Where a version's public files are kept while it is not public: the same keys under `review/`
   * (a version's own prefix, or a broadcast's closed stream, `replays/<id>/live/`).
   */
  reviewCopy: (publicPrefix: string) => `review/${publicPrefix}`,
};

export const publicKeys = {
  /** Every published version has a prefix of its own; nothing under it is ever overwritten. */
  versionPrefix: (recordingId: string, versionId: string) => `replays/${recordingId}/v/${versionId}/`,
  /** Everything public of one recording: pages, versions, captions, chapters. */
  recordingPrefix: (recordingId: string) => `replays/${recordingId}/`,
  /** The replay page is the public pointer: rewriting it flips to a new version in one PUT. */
  replayPage: (recordingId: string) => `replays/${recordingId}/index.html`,
  embedPage: (recordingId: string) => `replays/${recordingId}/embed.html`,
  oembed: (recordingId: string) => `replays/${recordingId}/oembed.json`,
  /** Captions are added after publishing; the content hash in the name lets them be cached for good. */
  captions: (recordingId: string, track: CaptionTrackName, hash: string) =>
    `replays/${recordingId}/captions/${trackFileName(track)}.${hash}.vtt`,
  /** Chapters from the answered questions (WebVTT), published on the organiser's say; content-hashed like captions. */
  chapters: (recordingId: string, hash: string) => `replays/${recordingId}/chapters.${hash}.vtt`,
  /**
   * A broadcast's live stream: its segments, the live playlists (a window of at least 30
   * minutes) and, once it ends, the VOD playlists of the whole, under the replay address.
   */
  broadcastStreamPrefix: (broadcastId: string) => `replays/${broadcastId}/live/`,
  /** What the live page polls, written from the database by `broadcast.refresh` (short cache). */
  broadcastManifest: (broadcastId: string) => `replays/${broadcastId}/broadcast.json`,
  /** The question being answered, rewritten by the API on each highlight (short cache). */
  broadcastHighlight: (broadcastId: string) => `replays/${broadcastId}/highlight.json`,
  /** Machine-readable pointer to the current version, written with the replay page. */
  pointer: (recordingId: string) => `replays/${recordingId}/replay.json`,
  /** The archive in bokmål at the root, in nynorsk and English under `nn/` and `en/`. */
  archivePage: (language: 'nb' | 'nn' | 'en' = 'nb') =>
    language === 'nb' ? 'index.html' : `${language}/index.html`,
  /** The search page beside each archive, and the one index all three load (written by the site rebuild). */
  searchPage: (language: 'nb' | 'nn' | 'en' = 'nb') =>
    language === 'nb' ? 'search.html' : `${language}/search.html`,
  searchIndex: () => 'search-index.json',
  jsonFeed: () => 'feed.json',
  rssFeed: () => 'feed.xml',
  asset: (name: string) => `assets/${name}`,
};
