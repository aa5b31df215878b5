const UTF8 = '; charset=utf-8';

// Browsers, hls.js and feed readers decide what to do with a file by its Content-Type; the
// textual ones carry a charset so Norwegian letters never depend on the reader's guess.
const byExtension: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
  ts: 'video/mp2t',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  mov: 'video/quicktime',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/vnd.microsoft.icon',
  vtt: `text/vtt${UTF8}`,
  srt: `application/x-subrip${UTF8}`,
  html: `text/html${UTF8}`,
  htm: `text/html${UTF8}`,
  json: `application/json${UTF8}`,
  webmanifest: `application/manifest+json${UTF8}`,
  map: `application/json${UTF8}`,
  xml: `application/xml${UTF8}`,
  js: `text/javascript${UTF8}`,
  mjs: `text/javascript${UTF8}`,
  css: `text/css${UTF8}`,
  txt: `text/plain${UTF8}`,
  csv: `text/csv${UTF8}`,
  md: `text/markdown${UTF8}`,
  woff2: 'font/woff2',
  woff: 'font/woff',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
};

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** The lower-cased extension of the last path segment, without the dot; '' when there is none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The Content-Type a browser should get for a key or file name. */
export function contentTypeFor(path: string): string {
  return byExtension[extensionOf(path)] ?? DEFAULT_CONTENT_TYPE;
}
