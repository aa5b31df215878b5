import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  BROADCAST_DVR_WINDOW_SECONDS,
  BROADCAST_LIVE_PLAYLIST,
  BROADCAST_SEGMENT_SECONDS,
  type BroadcastRendition,
  broadcastRenditions,
} from '@folkemote/domain';
import { type createS3Client, IMMUTABLE_CACHE_CONTROL, publicKeys, putObject } from '@folkemote/storage';

type S3Client = ReturnType<typeof createS3Client>;

const run = promisify(execFile);

/** Segments cut once from the test clip and then repeated under new names, per rendition. */
export const SEGMENTS_PER_RENDITION = 6;
/** What the recorder sets on every playlist of a live stream. */
export const LIVE_PLAYLIST_CACHE_CONTROL = 'public, max-age=1';

export type SegmentBytes = Map<string, Buffer[]>;

function encoderArgs(rendition: BroadcastRendition, dir: string): string[] {
  const video = rendition.video
    ? [
        '-map',
        '0:v',
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-s',
        `${rendition.video.width}x${rendition.video.height}`,
        '-b:v',
        `${rendition.video.kbps}k`,
        '-minrate',
        `${rendition.video.kbps}k`,
        '-maxrate',
        `${rendition.video.kbps}k`,
        '-bufsize',
        `${rendition.video.kbps * 2}k`,
        // Constant bitrate (filler included), so each segment has the size the ladder promises.
        '-x264-params',
        'nal-hrd=cbr',
        '-g',
        '60',
        '-keyint_min',
        '60',
        '-sc_threshold',
        '0',
      ]
    : [];
  return [
    ...video,
    '-map',
    '0:a',
    '-c:a',
    'aac',
    '-b:a',
    `${rendition.audioKbps}k`,
    '-f',
    'hls',
    '-hls_time',
    String(BROADCAST_SEGMENT_SECONDS),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_filename',
    path.join(dir, rendition.name, '%d.ts'),
    path.join(dir, rendition.name, 'cut.m3u8'),
  ];
}

/**
 * Real MPEG-TS segments of the ladder in `broadcastRenditions` (H.264 at each rendition's
 * bitrate, constant, plus AAC; the audio rendition AAC alone), cut once with ffmpeg from a
 * 12 s webinar-like clip (shared/media/make-webinar-clip.sh) and kept in `dir`.
 */
export async function prepareSegments(dir: string, clipScript: string): Promise<SegmentBytes> {
  const done = path.join(dir, 'audio', `${SEGMENTS_PER_RENDITION - 1}.ts`);
  if (!existsSync(done)) {
    console.log('cutting 2 s segments of the ladder from a 12 s webinar clip (once; kept in .bench/)…');
    for (const rendition of broadcastRenditions)
      await mkdir(path.join(dir, rendition.name), { recursive: true });
    const clip = path.join(dir, 'clip-12s-720p.mp4');
    await run('bash', [clipScript, clip, '12', '1280x720', '30']);
    const outputs = broadcastRenditions.flatMap((rendition) => encoderArgs(rendition, dir));
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', clip, ...outputs]);
  }
  const segments: SegmentBytes = new Map();
  for (const rendition of broadcastRenditions) {
    const files = Array.from({ length: SEGMENTS_PER_RENDITION }, (_, i) =>
      readFile(path.join(dir, rendition.name, `${i}.ts`)),
    );
    segments.set(rendition.name, await Promise.all(files));
  }
  return segments;
}

/** The multivariant live playlist, as the recorder writes it (2 video variants and audio alone). */
export function renderMultivariant(): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const rendition of broadcastRenditions) {
    const kbps = (rendition.video?.kbps ?? 0) + rendition.audioKbps;
    const attributes = rendition.video
      ? `BANDWIDTH=${kbps * 1100},RESOLUTION=${rendition.video.width}x${rendition.video.height},CODECS="avc1.640028,mp4a.40.2"`
      : `BANDWIDTH=${kbps * 1100},CODECS="mp4a.40.2"`;
    lines.push(`#EXT-X-STREAM-INF:${attributes}`, `${rendition.name}/${BROADCAST_LIVE_PLAYLIST}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface LiveSegment {
  sequence: number;
  name: string;
  startedAt: Date;
}

/** A rendition's live playlist: the DVR window's segments, with their program date-times. */
export function renderLivePlaylist(window: LiveSegment[]): string {
  const first = window[0]?.sequence ?? 0;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${BROADCAST_SEGMENT_SECONDS}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
  ];
  for (const segment of window)
    lines.push(
      `#EXT-X-PROGRAM-DATE-TIME:${segment.startedAt.toISOString()}`,
      `#EXTINF:${BROADCAST_SEGMENT_SECONDS.toFixed(3)},`,
      segment.name,
    );
  return `${lines.join('\n')}\n`;
}

export interface LiveStream {
  /** The stream's prefix in the public bucket, e.g. replays/<id>/live/ */
  prefix: string;
  /** Segments written per rendition so far. */
  segments(): number;
  /** Milliseconds from a tick's due time to its last playlist written, per tick. */
  lags(): number[];
  stop(): Promise<void>;
}

/**
 * A live stream that really advances, in the public bucket: every 2 s, for each rendition, the
 * next segment (immutable), then that rendition's live playlist naming it (max-age=1), as the
 * recorder writes them; the multivariant playlist once at the start. `preroll` segments are
 * written at once, so a player finds the three it starts behind the live edge.
 */
export async function startLiveStream(options: {
  client: S3Client;
  bucket: string;
  broadcastId: string;
  segmentBytes: SegmentBytes;
  preroll: number;
}): Promise<LiveStream> {
  const { client, bucket } = options;
  const prefix = publicKeys.broadcastStreamPrefix(options.broadcastId);
  const windowSize = BROADCAST_DVR_WINDOW_SECONDS / BROADCAST_SEGMENT_SECONDS;
  const windows = new Map<string, LiveSegment[]>(broadcastRenditions.map((r) => [r.name, []]));
  const lags: number[] = [];
  let sequence = 0;
  const startedAt = Date.now() - options.preroll * BROADCAST_SEGMENT_SECONDS * 1000;

  const writeRendition = async (rendition: string, segment: LiveSegment) => {
    const bytes = options.segmentBytes.get(rendition)!;
    await putObject(client, {
      bucket,
      key: `${prefix}${rendition}/${segment.name}`,
      body: bytes[segment.sequence % bytes.length]!,
      contentType: 'video/mp2t',
      cacheControl: IMMUTABLE_CACHE_CONTROL,
    });
    const window = windows.get(rendition)!;
    window.push(segment);
    if (window.length > windowSize) window.shift();
    await putObject(client, {
      bucket,
      key: `${prefix}${rendition}/${BROADCAST_LIVE_PLAYLIST}`,
      body: renderLivePlaylist(window),
      contentType: 'application/vnd.apple.mpegurl',
      cacheControl: LIVE_PLAYLIST_CACHE_CONTROL,
    });
  };
  const tick = async () => {
    const due = startedAt + sequence * BROADCAST_SEGMENT_SECONDS * 1000;
    const segment = {
      sequence,
      name: `segment_${String(sequence).padStart(5, '0')}.ts`,
      startedAt: new Date(due),
    };
    sequence += 1;
    await Promise.all(broadcastRenditions.map((r) => writeRendition(r.name, segment)));
    if (segment.sequence >= options.preroll) lags.push(Date.now() - due - BROADCAST_SEGMENT_SECONDS * 1000);
  };

  for (let i = 0; i < options.preroll; i++) await tick();
  await putObject(client, {
    bucket,
    key: `${prefix}${BROADCAST_LIVE_PLAYLIST}`,
    body: renderMultivariant(),
    contentType: 'application/vnd.apple.mpegurl',
    cacheControl: LIVE_PLAYLIST_CACHE_CONTROL,
  });

  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    // A segment is complete BROADCAST_SEGMENT_SECONDS after it starts: that is when it is written.
    const due = startedAt + (sequence + 1) * BROADCAST_SEGMENT_SECONDS * 1000;
    timer = setTimeout(
      () => {
        running = tick().then(schedule, (error: unknown) => {
          console.error('the live stream could not write a segment:', error);
          schedule();
        });
      },
      Math.max(0, due - Date.now()),
    );
  };
  schedule();
  return {
    prefix,
    segments: () => sequence,
    lags: () => [...lags],
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
