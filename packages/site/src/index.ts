export { renderArchivePage } from './archive-page.ts';
export { type ReplayChapter, renderChaptersVtt } from './chapters-vtt.ts';
export { siteContentTypes } from './content-types.ts';
export { renderEmbedPage } from './embed-page.ts';
export { escapeHtml, escapeXml, jsonForScript } from './escape.ts';
export { type JsonFeed, type JsonFeedItem, renderJsonFeed } from './json-feed.ts';
export { type MessageKey, type Messages, messages, translate } from './messages.ts';
export { type OembedVideo, renderOembed } from './oembed.ts';
export { renderReplayPage } from './replay-page.ts';
export { renderRssFeed } from './rss-feed.ts';
export { siteAssetNames, siteAssets } from './site-assets.ts';
export {
  type ArchiveInput,
  archiveInputSchema,
  type OembedOptions,
  parseArchiveInput,
  parseReplayInput,
  type ReplayInput,
  replayInputSchema,
  type SiteAsset,
  type VersionInput,
} from './types.ts';
export { siteUrls } from './urls.ts';
