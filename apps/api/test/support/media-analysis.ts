import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { ssimOfPairs as compareSsim } from '@folkemote/media/measure';
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

/** SSIM of each pair of frames at the pattern's size. */
export const ssimOfPairs = (dir: string, pairs: [Uint8Array, Uint8Array][]) =>
  compareSsim(dir, { width: PATTERN_WIDTH, height: PATTERN_HEIGHT }, pairs);
