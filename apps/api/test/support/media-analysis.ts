import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PATTERN_HEIGHT, PATTERN_WIDTH, type PatternSource, readPictureCode } from './test-pattern.ts';

const run = promisify(execFile);
const FRAME_BYTES = (PATTERN_WIDTH * PATTERN_HEIGHT * 3) / 2;

export interface ProbedMedia {
  durationSeconds: number;
  video?: { codec: string; width: number; height: number };
  audio?: { codec: string; sampleRate: number };
}

export async function probeMedia(file: string): Promise<ProbedMedia> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    file,
  ]);
  const probed = JSON.parse(stdout) as {
    format: { duration: string };
    streams: {
      codec_type: string;
      codec_name: string;
      width?: number;
      height?: number;
      sample_rate?: string;
    }[];
  };
  const video = probed.streams.find((s) => s.codec_type === 'video');
  const audio = probed.streams.find((s) => s.codec_type === 'audio');
  return {
    durationSeconds: Number(probed.format.duration),
    ...(video
      ? { video: { codec: video.codec_name, width: video.width ?? 0, height: video.height ?? 0 } }
      : {}),
    ...(audio ? { audio: { codec: audio.codec_name, sampleRate: Number(audio.sample_rate) } } : {}),
  };
}

export interface RecordedPicture {
  /** Frame number in the recording. */
  n: number;
  code: { source: PatternSource; index: number } | null;
}

/**
 * Every frame of the recording, scaled back to the pattern's size, read for its code; every
 * `keepEvery`-th coded frame is kept whole for comparison with the picture that was sent.
 */
export async function readRecordedPictures(
  file: string,
  keepEvery: number,
): Promise<{
  pictures: RecordedPicture[];
  kept: { n: number; code: RecordedPicture['code']; frame: Buffer }[];
}> {
  const child = spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      file,
      '-vf',
      `scale=${PATTERN_WIDTH}:${PATTERN_HEIGHT}`,
    ].concat(['-pix_fmt', 'yuv420p', '-f', 'rawvideo', 'pipe:1']),
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const pictures: RecordedPicture[] = [];
  const kept: { n: number; code: RecordedPicture['code']; frame: Buffer }[] = [];
  let pending = Buffer.alloc(0);
  for await (const chunk of child.stdout) {
    pending = Buffer.concat([pending, chunk as Buffer]);
    while (pending.byteLength >= FRAME_BYTES) {
      const frame = pending.subarray(0, FRAME_BYTES);
      pending = pending.subarray(FRAME_BYTES);
      const code = readPictureCode(frame);
      const n = pictures.length;
      pictures.push({ n, code });
      if (code && n % keepEvery === 0) kept.push({ n, code, frame: Buffer.from(frame) });
    }
  }
  return { pictures, kept };
}

/** SSIM (ffmpeg's, all planes) of each pair of 640×360 I420 frames. */
export async function ssimOfPairs(dir: string, pairs: [Uint8Array, Uint8Array][]): Promise<number[]> {
  const a = path.join(dir, 'ssim-a.yuv');
  const b = path.join(dir, 'ssim-b.yuv');
  await writeFile(a, Buffer.concat(pairs.map(([x]) => x)));
  await writeFile(b, Buffer.concat(pairs.map(([, y]) => y)));
  const raw = ['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${PATTERN_WIDTH}x${PATTERN_HEIGHT}`];
  const { stdout } = await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', ...raw, '-i', a, ...raw, '-i', b],
    ...['-lavfi', 'ssim=stats_file=-', '-f', 'null', '-'],
  ]);
  return [...stdout.matchAll(/All:([0-9.]+)/g)].map((m) => Number(m[1]));
}

/** RMS level (dBFS) of the audio after `filter`, from `fromSeconds` on (for `seconds`, or to the end). */
export async function audioRmsDb(
  file: string,
  filter: string,
  fromSeconds: number,
  seconds?: number,
): Promise<number> {
  const { stderr } = await run('ffmpeg', [
    ...['-hide_banner', '-nostats', '-ss', String(fromSeconds), ...(seconds ? ['-t', String(seconds)] : [])],
    ...['-i', file, '-vn'],
    ...['-af', `${filter},astats=measure_perchannel=none`, '-f', 'null', '-'],
  ]);
  const level = /RMS level dB: (-?[0-9.]+|-inf)/.exec(stderr)?.[1];
  if (level === undefined) throw new Error(`astats printed no RMS level: ${stderr.slice(-500)}`);
  return level === '-inf' ? Number.NEGATIVE_INFINITY : Number(level);
}
