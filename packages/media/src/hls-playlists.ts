/** Reading media playlists and writing the master playlist, as plain text functions. */

export interface MediaPlaylist {
  version: number | null;
  targetDuration: number;
  mapUri: string | null;
  segments: { uri: string; duration: number }[];
  ended: boolean;
}

export function parseMediaPlaylist(text: string): MediaPlaylist {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') throw new Error('Not an HLS playlist: it does not start with #EXTM3U');
  let version: number | null = null;
  let targetDuration = Number.NaN;
  let mapUri: string | null = null;
  let ended = false;
  let pending: number | null = null;
  const segments: MediaPlaylist['segments'] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    if (line.startsWith('#EXT-X-VERSION:')) version = Number(line.slice(15));
    else if (line.startsWith('#EXT-X-TARGETDURATION:')) targetDuration = Number(line.slice(22));
    else if (line.startsWith('#EXT-X-MAP:')) mapUri = /URI="([^"]+)"/.exec(line)?.[1] ?? null;
    else if (line.startsWith('#EXTINF:')) pending = Number.parseFloat(line.slice(8));
    else if (line === '#EXT-X-ENDLIST') ended = true;
    else if (!line.startsWith('#')) {
      if (pending === null || !Number.isFinite(pending))
        throw new Error(`Segment ${line} has no #EXTINF duration`);
      segments.push({ uri: line, duration: pending });
      pending = null;
    }
  }
  if (!Number.isFinite(targetDuration)) throw new Error('The playlist has no #EXT-X-TARGETDURATION');
  return { version, targetDuration, mapUri, segments, ended };
}

export interface SegmentRates {
  /** Peak segment bit rate, bits per second. */
  bandwidth: number;
  /** Mean bit rate over all segments. */
  averageBandwidth: number;
}

/** A last segment this short holds little more than a keyframe; its rate says nothing about the stream. */
const SHORT_TAIL_SECONDS = 1;

/**
 * BANDWIDTH and AVERAGE-BANDWIDTH from segment sizes. A very short last segment is left out
 * of the peak: a lone keyframe over a few frames would otherwise claim a rate many times the
 * real one and push players to lower renditions for nothing.
 */
export function computeSegmentRates(segments: { duration: number; bytes: number }[]): SegmentRates {
  const totalBytes = segments.reduce((s, x) => s + x.bytes, 0);
  const totalSeconds = segments.reduce((s, x) => s + x.duration, 0);
  const peakCandidates = segments.filter(
    (s, i) =>
      s.duration > 0 &&
      (i < segments.length - 1 || s.duration >= SHORT_TAIL_SECONDS || segments.length === 1),
  );
  const peak = peakCandidates.reduce((max, s) => Math.max(max, (s.bytes * 8) / s.duration), 0);
  const average = totalSeconds > 0 ? (totalBytes * 8) / totalSeconds : 0;
  return { bandwidth: Math.max(1, Math.ceil(peak)), averageBandwidth: Math.max(1, Math.ceil(average)) };
}

export interface MasterVariant {
  playlist: string;
  bandwidth: number;
  averageBandwidth: number;
  codecs: string[];
  width?: number;
  height?: number;
  frameRate?: number;
}

export interface MasterAudio {
  playlist: string;
  bandwidth: number;
  averageBandwidth: number;
  codec: string;
  channels: number;
  /** Shown in players' audio menus. */
  name: string;
}

const AUDIO_GROUP = 'audio';

/**
 * The master playlist. Video variants reference the audio as an EXT-X-MEDIA group, so each
 * variant's BANDWIDTH is its video peak plus the audio peak (the combination a player
 * fetches). With no video, the audio playlist is the only variant.
 */
export function writeMasterPlaylist(variants: MasterVariant[], audio: MasterAudio | null): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  if (variants.length === 0) {
    if (!audio) throw new Error('A master playlist needs at least one variant');
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${audio.bandwidth},AVERAGE-BANDWIDTH=${audio.averageBandwidth},CODECS="${audio.codec}"`,
      audio.playlist,
    );
    return `${lines.join('\n')}\n`;
  }
  if (audio) {
    lines.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="${AUDIO_GROUP}",NAME="${audio.name}",DEFAULT=YES,AUTOSELECT=YES,` +
        `CHANNELS="${audio.channels}",URI="${audio.playlist}"`,
    );
  }
  for (const v of variants) {
    const attributes = [
      `BANDWIDTH=${v.bandwidth + (audio?.bandwidth ?? 0)}`,
      `AVERAGE-BANDWIDTH=${v.averageBandwidth + (audio?.averageBandwidth ?? 0)}`,
      `CODECS="${[...v.codecs, ...(audio ? [audio.codec] : [])].join(',')}"`,
    ];
    if (v.width && v.height) attributes.push(`RESOLUTION=${v.width}x${v.height}`);
    if (v.frameRate) attributes.push(`FRAME-RATE=${v.frameRate.toFixed(3)}`);
    if (audio) attributes.push(`AUDIO="${AUDIO_GROUP}"`);
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, v.playlist);
  }
  if (audio) {
    // The audio-only variant (Apple's HLS authoring specification): the sound alone, the
    // lowest bandwidth, for a listener on a poor connection or one who chose to listen only.
    // Listed last, so no player starts with it.
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${audio.bandwidth},AVERAGE-BANDWIDTH=${audio.averageBandwidth},` +
        `CODECS="${audio.codec}",AUDIO="${AUDIO_GROUP}"`,
      audio.playlist,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface MasterEntry {
  uri: string;
  attributes: Record<string, string>;
}

/** Reads a master playlist back: its variants (EXT-X-STREAM-INF + URI) and renditions (EXT-X-MEDIA). */
export function parseMasterPlaylist(text: string): {
  variants: MasterEntry[];
  media: Record<string, string>[];
} {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') throw new Error('Not an HLS playlist: it does not start with #EXTM3U');
  const variants: MasterEntry[] = [];
  const media: Record<string, string>[] = [];
  let pending: Record<string, string> | null = null;
  for (const line of lines.slice(1)) {
    if (line.startsWith('#EXT-X-STREAM-INF:')) pending = parseAttributeList(line.slice(18));
    else if (line.startsWith('#EXT-X-MEDIA:')) media.push(parseAttributeList(line.slice(13)));
    else if (line !== '' && !line.startsWith('#') && pending) {
      variants.push({ uri: line, attributes: pending });
      pending = null;
    }
  }
  return { variants, media };
}

/** An HLS attribute list: KEY=value pairs separated by commas, where quoted values may hold commas. */
export function parseAttributeList(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([A-Z0-9-]+)=("[^"]*"|[^,]*)(?:,|$)/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[2]!;
    attributes[match[1]!] = raw.startsWith('"') ? raw.slice(1, -1) : raw;
  }
  return attributes;
}
