/** One finished segment of a rendition, as the stream's playlists name it. */
export interface StreamSegment {
  /** Relative to the rendition's playlist. */
  uri: string;
  seconds: number;
  /** Wall clock (Unix ms) of the segment's first picture: its EXT-X-PROGRAM-DATE-TIME. */
  startedAtMs: number;
  bytes: number;
}

/** A variant of a multivariant playlist. */
export interface StreamVariant {
  /** The variant's media playlist, relative to the multivariant playlist. */
  uri: string;
  /** Peak bits per second. */
  bandwidth: number;
  averageBandwidth?: number;
  resolution?: { width: number; height: number };
  codecs: string;
}

/**
 * The segments a playlist names, in order, with their durations: what ffmpeg's HLS muxer has
 * finished. A last line not yet ended by a newline is still being written and is left out.
 */
export function segmentsOfPlaylist(text: string): { uri: string; seconds: number }[] {
  const lines = text.split('\n');
  lines.pop();
  const segments: { uri: string; seconds: number }[] = [];
  let seconds: number | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('#EXTINF:')) seconds = Number.parseFloat(line.slice('#EXTINF:'.length));
    else if (line !== '' && !line.startsWith('#') && seconds !== undefined) {
      segments.push({ uri: line, seconds });
      seconds = undefined;
    }
  }
  return segments;
}

export interface LivePlaylistOptions {
  /** The segment duration asked for; the target duration is never below it. */
  segmentSeconds: number;
  /** How many of the newest segments the live playlist lists (the DVR window). */
  windowSegments: number;
  /** The stream has ended: the playlist is closed with EXT-X-ENDLIST. */
  ended: boolean;
}

/** A rendition's live playlist: the window of the newest segments, each with its wall clock. */
export function livePlaylist(segments: readonly StreamSegment[], options: LivePlaylistOptions): string {
  const first = Math.max(0, segments.length - options.windowSegments);
  const window = segments.slice(first);
  const lines = [
    ...mediaHeader(window, options.segmentSeconds),
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    ...segmentLines(window),
  ];
  if (options.ended) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

/** A rendition's closed playlist of the whole stream: every segment, VOD, ended. */
export function vodPlaylist(segments: readonly StreamSegment[], segmentSeconds: number): string {
  const lines = [
    ...mediaHeader(segments, segmentSeconds),
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-MEDIA-SEQUENCE:0',
    ...segmentLines(segments),
    '#EXT-X-ENDLIST',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The multivariant playlist: the picture variants in the order given, then the audio-only
 * variants last (Apple's HLS authoring specification), each with its bandwidth and codecs.
 */
export function multivariantPlaylist(variants: readonly StreamVariant[]): string {
  const ordered = [
    ...variants.filter((v) => v.resolution !== undefined),
    ...variants.filter((v) => v.resolution === undefined),
  ];
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const variant of ordered) {
    const attributes = [`BANDWIDTH=${variant.bandwidth}`];
    if (variant.averageBandwidth !== undefined)
      attributes.push(`AVERAGE-BANDWIDTH=${variant.averageBandwidth}`);
    if (variant.resolution)
      attributes.push(`RESOLUTION=${variant.resolution.width}x${variant.resolution.height}`);
    attributes.push(`CODECS="${variant.codecs}"`);
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, variant.uri);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Bits per second as written: the peak over the segments (a last segment much shorter than the
 * rest is left out of it, its few bytes would overstate the rate) and the average of them all.
 */
export function measuredBandwidth(
  segments: readonly StreamSegment[],
  segmentSeconds: number,
): { bandwidth: number; averageBandwidth: number } | undefined {
  const seconds = segments.reduce((sum, s) => sum + s.seconds, 0);
  if (segments.length === 0 || seconds <= 0) return undefined;
  const bytes = segments.reduce((sum, s) => sum + s.bytes, 0);
  const full = segments.filter((s) => s.seconds >= segmentSeconds / 2);
  const peak = Math.max(...(full.length > 0 ? full : segments).map((s) => (s.bytes * 8) / s.seconds));
  return { bandwidth: Math.ceil(peak), averageBandwidth: Math.ceil((bytes * 8) / seconds) };
}

function mediaHeader(segments: readonly StreamSegment[], segmentSeconds: number): string[] {
  // RFC 8216: every EXTINF, rounded to the nearest integer, is at most the target duration.
  const target = Math.max(Math.ceil(segmentSeconds), ...segments.map((s) => Math.round(s.seconds)));
  return ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${target}`, '#EXT-X-INDEPENDENT-SEGMENTS'];
}

function segmentLines(segments: readonly StreamSegment[]): string[] {
  return segments.flatMap((segment) => [
    `#EXT-X-PROGRAM-DATE-TIME:${new Date(segment.startedAtMs).toISOString()}`,
    `#EXTINF:${segment.seconds.toFixed(6)},`,
    segment.uri,
  ]);
}
