import { extensionOf } from './content-type.ts';

export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Short enough that a flipped pointer or a rebuilt archive reaches viewers within a minute. */
export const SHORT_CACHE_CONTROL = 'public, max-age=60';

// Nothing under a version prefix is ever overwritten, so its media may be cached for a year.
const VERSION_PREFIX = /(^|\/)v\/[^/]+\//;
const IMMUTABLE_MEDIA = new Set([
  'm4s',
  'mp4',
  'm4v',
  'm4a',
  'aac',
  'mp3',
  'ts',
  'webm',
  'jpg',
  'jpeg',
  'png',
  'webp',
  'avif',
]);
// The thumbnail track of a sprite is generated with it; captions are edited after publishing.
const SPRITE_VTT = /(sprite|storyboard|thumbnails?)[^/]*\.vtt$/i;
// A content hash in the name (player.3f9a1c2b.js) means a change gets a new name.
const FINGERPRINTED_ASSET = /\.[0-9a-f]{8,}\.(js|mjs|css|woff2?|svg|png|jpe?g|webp|avif|vtt)$/i;

/**
 * The Cache-Control of a key: a year for media inside a version prefix and for fingerprinted
 * assets; a minute for playlists, pages, feeds, pointers and everything else that may change.
 */
export function cacheControlFor(path: string): string {
  if (FINGERPRINTED_ASSET.test(path)) return IMMUTABLE_CACHE_CONTROL;
  if (!VERSION_PREFIX.test(path)) return SHORT_CACHE_CONTROL;
  const extension = extensionOf(path);
  if (IMMUTABLE_MEDIA.has(extension)) return IMMUTABLE_CACHE_CONTROL;
  if (extension === 'vtt' && SPRITE_VTT.test(path)) return IMMUTABLE_CACHE_CONTROL;
  return SHORT_CACHE_CONTROL;
}
