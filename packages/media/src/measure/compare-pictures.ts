import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface FrameSize {
  width: number;
  height: number;
}

/** Bytes of one I420 (yuv420p) frame of this size. */
export const i420FrameBytes = ({ width, height }: FrameSize) => (width * height * 3) / 2;

/**
 * SSIM (ffmpeg's, all planes) of each pair of I420 frames of one size. The frames are written to
 * two raw files in `dir` and compared in one ffmpeg run, so thousands of pairs cost one process.
 */
export async function ssimOfPairs(
  dir: string,
  size: FrameSize,
  pairs: [Uint8Array, Uint8Array][],
): Promise<number[]> {
  if (pairs.length === 0) return [];
  const a = path.join(dir, 'ssim-a.yuv');
  const b = path.join(dir, 'ssim-b.yuv');
  await writeFile(a, Buffer.concat(pairs.map(([x]) => x)));
  await writeFile(b, Buffer.concat(pairs.map(([, y]) => y)));
  const raw = ['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${size.width}x${size.height}`];
  const { stdout } = await run(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', ...raw, '-i', a, ...raw, '-i', b],
      ...['-lavfi', 'ssim=stats_file=-', '-f', 'null', '-'],
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return [...stdout.matchAll(/All:([0-9.]+)/g)].map((m) => Number(m[1]));
}

/**
 * The frames of a media file (or of part of it), scaled to `size`, as I420 buffers.
 * `fromSeconds`/`seconds` pick the part; `fps` samples it (every frame when absent).
 */
export async function readFrames(
  file: string,
  size: FrameSize,
  part: { fromSeconds?: number; seconds?: number; fps?: number } = {},
): Promise<Buffer[]> {
  const filters = [...(part.fps ? [`fps=${part.fps}`] : []), `scale=${size.width}:${size.height}`];
  const child = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error'],
      ...(part.fromSeconds !== undefined ? ['-ss', String(part.fromSeconds)] : []),
      ...(part.seconds !== undefined ? ['-t', String(part.seconds)] : []),
      ...['-i', file, '-an', '-vf', filters.join(','), '-pix_fmt', 'yuv420p', '-f', 'rawvideo', 'pipe:1'],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const frameBytes = i420FrameBytes(size);
  const frames: Buffer[] = [];
  let pending = Buffer.alloc(0);
  for await (const chunk of child.stdout) {
    pending = Buffer.concat([pending, chunk as Buffer]);
    while (pending.byteLength >= frameBytes) {
      frames.push(Buffer.from(pending.subarray(0, frameBytes)));
      pending = pending.subarray(frameBytes);
    }
  }
  return frames;
}
