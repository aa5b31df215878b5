/**
 * `pnpm bench:broadcast-encode`: the recorder's encoding CPU for a broadcast (the MP4 and the HLS
 * ladder from one ffmpeg) against a plain recording (the MP4 alone), with the recorder's own
 * ffmpeg arguments on the same input: 20 s of a 1280x720 camera at 30 frames a second (a moving
 * pattern with noise) and a tone, given as fast as ffmpeg takes them. The CPU counted is the
 * encoding ffmpeg's alone (user + system, from /usr/bin/time), not the inputs' makers.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { broadcastLadder } from '../src/broadcast/broadcast-ladder.ts';
import { ffmpegArguments } from '../src/recorder/composite-encoder.ts';

const SECONDS = 20;
const ROUNDS = 2;
const ENCODING = { width: 1920, height: 1080, framerate: 30, videoBitrateKbps: 4500 };

function maker(args: string[]): Readable {
  const child = spawn('ffmpeg', ['-v', 'error', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return child.stdout;
}

async function encodeCpuSeconds(dir: string, broadcast: boolean): Promise<number> {
  const stream = broadcast
    ? {
        dir: path.join(dir, 'stream'),
        ladder: broadcastLadder(ENCODING.framerate, { video: true, audio: true }),
        segmentSeconds: 2,
        framerate: ENCODING.framerate,
      }
    : undefined;
  for (const rendition of stream?.ladder ?? [])
    await mkdir(path.join(dir, 'stream', rendition.name), { recursive: true });
  const args = ffmpegArguments({
    ffmpegPath: 'ffmpeg',
    outputPath: path.join(dir, 'recording.mp4'),
    encoding: ENCODING,
    video: true,
    audio: true,
    ...(stream ? { stream } : {}),
  });
  const video = maker([
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=1280x720:rate=30:duration=${SECONDS},noise=alls=12:allf=t`,
    '-f',
    'image2pipe',
    '-c:v',
    'pgmyuv',
    '-',
  ]);
  const audio = maker([
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=48000:duration=${SECONDS}`,
    '-ac',
    '2',
    '-f',
    's16le',
    '-',
  ]);
  const encoder = spawn('/usr/bin/time', ['-f', 'cpu %U %S', 'ffmpeg', ...args], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  video.pipe(encoder.stdio[3] as NodeJS.WritableStream);
  audio.pipe(encoder.stdio[4] as NodeJS.WritableStream);
  let stderr = '';
  encoder.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => encoder.once('close', resolve));
  const match = /cpu (\d+\.\d+) (\d+\.\d+)/.exec(stderr);
  if (code !== 0 || !match) throw new Error(`the encoder failed (${code}): ${stderr.slice(-500)}`);
  return Number(match[1]) + Number(match[2]);
}

async function main(): Promise<void> {
  const plain: number[] = [];
  const broadcast: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [mode, into] of [
      [false, plain],
      [true, broadcast],
    ] as const) {
      const dir = await mkdtemp(path.join(tmpdir(), 'broadcast-encode-'));
      try {
        into.push(await encodeCpuSeconds(dir, mode));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const perSecond = (values: number[]) => (mean(values) / SECONDS).toFixed(2);
  console.log(
    `plain recording (MP4 1080p): ${plain.map((s) => s.toFixed(2)).join(', ')} s CPU for ${SECONDS} s; ${perSecond(plain)} of a core`,
  );
  console.log(
    `broadcast (MP4 + 720p, 360p, sound): ${broadcast.map((s) => s.toFixed(2)).join(', ')} s CPU; ${perSecond(broadcast)} of a core`,
  );
  console.log(`broadcast / plain: ${(mean(broadcast) / mean(plain)).toFixed(2)}`);
}

await main();
