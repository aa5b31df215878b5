import { expect } from 'vitest';
import type { EgressBucket } from './egress-bucket.ts';
import { type ProbedStream, probeFile } from './probe-file.ts';

export interface ClosedRendition {
  name: string;
  segments: { uri: string; seconds: number; programDateTime: number }[];
  /** What ffprobe found in the first segment, and each segment's probed duration. */
  streams: ProbedStream[];
  probedSeconds: number[];
}

const PLAYLIST_CACHE = 'public, max-age=1';
const SEGMENT_CACHE = 'public, max-age=31536000, immutable';

/**
 * Reads a closed broadcast stream back from the `public` bucket and checks what every closed
 * stream must be: both multivariant playlists with their variants (sound alone last), each
 * rendition's live playlist closed and its VOD playlist listing every segment with its wall
 * clock, the right cache headers and content types. Answers each rendition as found.
 */
export async function readClosedStream(bucket: EgressBucket, prefix: string): Promise<ClosedRendition[]> {
  const vod = await readPlaylist(bucket, `${prefix}index.m3u8`);
  const live = await readPlaylist(bucket, `${prefix}live.m3u8`);
  const variants = variantsOf(vod);
  expect(variants.map((v) => v.uri)).toEqual(['720p/index.m3u8', '360p/index.m3u8', 'audio/index.m3u8']);
  expect(variantsOf(live).map((v) => v.uri)).toEqual(['720p/live.m3u8', '360p/live.m3u8', 'audio/live.m3u8']);
  expect(variants[0]?.attributes).toMatch(/RESOLUTION=1280x720,CODECS="avc1\.42c0[0-9a-f]{2},mp4a\.40\.2"/);
  expect(variants[1]?.attributes).toMatch(/RESOLUTION=640x360,CODECS="avc1\.42c0[0-9a-f]{2},mp4a\.40\.2"/);
  expect(variants[2]?.attributes).toMatch(/^BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,CODECS="mp4a\.40\.2"$/);

  const renditions: ClosedRendition[] = [];
  for (const name of ['720p', '360p', 'audio']) {
    const closed = await readPlaylist(bucket, `${prefix}${name}/index.m3u8`);
    const livePlaylist = await readPlaylist(bucket, `${prefix}${name}/live.m3u8`);
    expect(closed).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(closed.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    expect(livePlaylist.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    const segments = segmentsWithClock(closed);
    // The window (30 minutes) holds the whole test stream: the live playlist lists the same.
    expect(segmentsWithClock(livePlaylist)).toEqual(segments);
    expect(segments.length).toBeGreaterThan(0);
    const probedSeconds: number[] = [];
    let streams: ProbedStream[] = [];
    for (const [index, segment] of segments.entries()) {
      const object = await bucket.download(
        `${prefix}${name}/${segment.uri}`,
        `${name}-${index}.ts`,
        'public',
      );
      expect([object.contentType, object.cacheControl]).toEqual(['video/mp2t', SEGMENT_CACHE]);
      const probed = await probeFile(object.localPath);
      probedSeconds.push(probed.duration);
      if (index === 0) streams = probed.streams;
    }
    // The CODECS declared are what the segments hold: Constrained Baseline at the declared level.
    const picture = streams.find((s) => s.codec_type === 'video');
    if (picture) {
      const declared = variants.find((v) => v.uri.startsWith(`${name}/`))?.attributes ?? '';
      expect(picture.profile).toBe('Constrained Baseline');
      expect(declared).toContain(`avc1.42c0${(picture.level ?? 0).toString(16).padStart(2, '0')}`);
    }
    renditions.push({ name, segments, streams, probedSeconds });
  }
  return renditions;
}

async function readPlaylist(bucket: EgressBucket, key: string): Promise<string> {
  const object = await bucket.download(key, key.replaceAll('/', '_'), 'public');
  expect([object.contentType, object.cacheControl]).toEqual([
    'application/vnd.apple.mpegurl',
    PLAYLIST_CACHE,
  ]);
  return new TextDecoder().decode(object.bytes);
}

function variantsOf(playlist: string): { attributes: string; uri: string }[] {
  const lines = playlist.split('\n');
  return lines.flatMap((line, i) =>
    line.startsWith('#EXT-X-STREAM-INF:')
      ? [{ attributes: line.slice('#EXT-X-STREAM-INF:'.length), uri: lines[i + 1] ?? '' }]
      : [],
  );
}

/** Each segment with its duration and the EXT-X-PROGRAM-DATE-TIME right before it (required). */
function segmentsWithClock(playlist: string): ClosedRendition['segments'] {
  const lines = playlist.split('\n');
  const segments: ClosedRendition['segments'] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('#EXTINF:')) return;
    const clock = lines[i - 1] ?? '';
    expect(clock).toMatch(/^#EXT-X-PROGRAM-DATE-TIME:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    segments.push({
      uri: lines[i + 1] ?? '',
      seconds: Number.parseFloat(line.slice('#EXTINF:'.length)),
      programDateTime: Date.parse(clock.slice('#EXT-X-PROGRAM-DATE-TIME:'.length)),
    });
  });
  return segments;
}
