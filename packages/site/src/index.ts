export { renderArchivePage } from './archive-page.ts';
export { type BroadcastManifestFacts, buildBroadcastManifest } from './broadcast-manifest.ts';
export { type ReplayChapter, renderChaptersVtt } from './chapters-vtt.ts';
export { siteContentTypes } from './content-types.ts';
export { renderEmbedPage } from './embed-page.ts';
export { escapeHtml, escapeXml, jsonForScript } from './escape.ts';
export { type JsonFeed, type JsonFeedItem, renderJsonFeed } from './json-feed.ts';
export { renderLiveEmbedPage } from './live-embed-page.ts';
export { type LiveInput, liveInputSchema, parseLiveInput } from './live-input.ts';
export { type LiveMessageKey, liveMessages, translateLive } from './live-messages.ts';
export { renderLiveEmbedCode, renderLiveOembed } from './live-oembed.ts';
export { renderLivePage } from './live-page.ts';
export { type LivePhase, livePhaseOf } from './live-view.ts';
export { type MessageKey, type Messages, messages, translate } from './messages.ts';
export { type OembedVideo, renderOembed } from './oembed.ts';
export { renderReplayPage } from './replay-page.ts';
export { renderRssFeed } from './rss-feed.ts';
export {
  buildSiteSearchIndex,
  foldText,
  renderSearchIndex,
  type SearchIndexFile,
  type SearchReplay,
  searchReplayOf,
  tokenize,
} from './search-index.ts';
export { renderSearchPage, type SearchPageInput } from './search-page.ts';
export { siteAssetNames, siteAssets } from './site-assets.ts';
export { renderTranscript } from './transcript-markup.ts';
export {
  type ArchiveInput,
  archiveInputSchema,
  type OembedOptions,
  parseArchiveInput,
  parseReplayInput,
  type ReplayInput,
  replayInputSchema,
  type SiteAsset,
  type TranscriptInput,
  type VersionInput,
} from './types.ts';
export { siteUrls } from './urls.ts';
