import type { Rendition, TranscodeManifest } from '@folkemote/domain';

/** One variant of a multivariant playlist, as the manifest needs it. */
interface Variant {
  playlist: string;
  bandwidth: number;
  averageBandwidth: number | null;
  codecs: string;
  width?: number;
  height?: number;
  frameRate?: number;
}

/** A closed media playlist: its length and the segments it names (relative to the stream's prefix). */
export interface ClosedMediaPlaylist {
  durationSeconds: number;
  segments: string[];
}

/** `KEY=value,KEY="quoted, value"` of an HLS tag. */
function attributes(list: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of list.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g))
    found.set(match[1]!, match[2]!.replace(/^"|"$/g, ''));
  return found;
}

/** A URI a playlist names, if it stays inside the stream's prefix (no scheme, no `..`, no leading `/`). */
function insidePrefix(uri: string): boolean {
  return (
    /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(uri) &&
    !uri.split('/').some((part) => part === '..' || part === '.')
  );
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** The variants of a multivariant playlist; an error when it names none or a URI outside the stream. */
export function parseMultivariantPlaylist(text: string): Variant[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  if (lines[0] !== '#EXTM3U') throw new Error('the multivariant playlist does not start with #EXTM3U');
  const variants: Variant[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('#EXT-X-STREAM-INF:')) continue;
    const attrs = attributes(line.slice('#EXT-X-STREAM-INF:'.length));
    const uri = lines.slice(i + 1).find((next) => next !== '' && !next.startsWith('#'));
    if (!uri || !insidePrefix(uri)) throw new Error(`a variant names no playlist inside the stream: ${uri}`);
    const [width, height] = (attrs.get('RESOLUTION') ?? '').split('x').map(Number);
    const frameRate = Number(attrs.get('FRAME-RATE'));
    variants.push({
      playlist: uri,
      bandwidth: Number(attrs.get('BANDWIDTH')),
      averageBandwidth: attrs.has('AVERAGE-BANDWIDTH') ? Number(attrs.get('AVERAGE-BANDWIDTH')) : null,
      codecs: attrs.get('CODECS') ?? '',
      ...(width && height ? { width, height } : {}),
      ...(frameRate > 0 ? { frameRate } : {}),
    });
  }
  if (variants.length === 0) throw new Error('the multivariant playlist names no variant');
  return variants;
}

/**
 * A media playlist the egress closed: `#EXT-X-ENDLIST` and every segment's length. Null while it
 * is still open (no ENDLIST); an error for a segment outside the stream.
 */
export function parseClosedMediaPlaylist(text: string, playlistPath: string): ClosedMediaPlaylist | null {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  if (!lines.includes('#EXT-X-ENDLIST')) return null;
  let durationSeconds = 0;
  const segments: string[] = [];
  for (const line of lines) {
    if (line.startsWith('#EXTINF:')) durationSeconds += Number.parseFloat(line.slice('#EXTINF:'.length));
    else if (line !== '' && !line.startsWith('#')) {
      if (!insidePrefix(line)) throw new Error(`a segment is outside the stream: ${line}`);
      segments.push(folderOf(playlistPath) + line);
    }
  }
  return { durationSeconds: Math.round(durationSeconds * 1000) / 1000, segments };
}

function renditionName(variant: Variant): string {
  const folder = folderOf(variant.playlist).replace(/\/$/, '');
  return folder || variant.playlist.replace(/\.m3u8$/, '');
}

/**
 * The quick version a closed broadcast stream is: its multivariant VOD playlist is the master,
 * its renditions are the egress's ladder, nothing was remuxed or uploaded for it.
 */
export function closedStreamManifest(
  master: string,
  variants: readonly Variant[],
  playlists: ReadonlyMap<string, ClosedMediaPlaylist>,
): TranscodeManifest {
  const renditions: Rendition[] = variants.map((variant) => {
    const video = variant.height !== undefined;
    return {
      name: renditionName(variant),
      kind: video ? 'video' : 'audio',
      ...(video ? { width: variant.width, height: variant.height } : {}),
      ...(variant.frameRate ? { frameRate: variant.frameRate } : {}),
      bandwidth: variant.bandwidth,
      averageBandwidth: variant.averageBandwidth ?? variant.bandwidth,
      codecs: variant.codecs,
      playlist: variant.playlist,
      copied: true,
    };
  });
  const durations = [...playlists.values()].map((p) => p.durationSeconds);
  const files = [
    master,
    ...variants.map((v) => v.playlist),
    ...[...playlists.values()].flatMap((p) => p.segments),
  ];
  const hasVideo = renditions.some((r) => r.kind === 'video');
  return {
    version: 1,
    kind: 'quick',
    durationSeconds: Math.max(0, ...durations),
    hasVideo,
    hasAudio: renditions.some((r) => r.kind === 'audio' || /mp4a|ac-3|ec-3|opus/.test(r.codecs)),
    master,
    renditions,
    copiedRendition: null,
    poster: null,
    sprite: null,
    download: null,
    loudness: null,
    files: [...new Set(files)],
  };
}
