import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type FfmpegInvocation, QUIET_WITH_PROGRESS } from './ffmpeg-invocation.ts';
import type { MediaProbe } from './probe-types.ts';
import type { MediaFile } from './recording-formats.ts';
import { runFfmpeg } from './run-ffmpeg.ts';
import { even, floorEven } from './select-ladder.ts';

/** Where in the recording poster candidates are taken: past intros, fades and title cards. */
export const POSTER_POSITIONS = [0.1, 0.3, 0.5];
/** Average luma (8-bit, limited range: black is 16) below which a frame counts as black. */
export const NEAR_BLACK_LUMA = 32;
const POSTER_SHORT_SIDE = 720;

export interface PosterCandidate {
  file: string;
  seconds: number;
  meanLuma: number | null;
  bytes: number;
}

export interface MakePosterOptions {
  signal?: AbortSignal;
  stallTimeoutMs: number;
  niceness?: number;
}

/**
 * A representative poster: frames at 10 %, 30 % and 50 % of the recording are grabbed in one
 * ffmpeg run (input seeking, so only a GOP each is decoded), near-black ones are rejected
 * and the one with the most detail — the largest JPEG at equal quality — wins.
 */
export async function makeVideoPoster(
  input: MediaFile,
  probe: MediaProbe,
  workDir: string,
  outFile: string,
  options: MakePosterOptions,
): Promise<PosterCandidate> {
  const times = posterTimes(probe);
  await grabPosterFrames(input, probe, times, workDir, options);
  let candidates = await readCandidates(workDir, times);
  if (candidates.length === 0) {
    // No seek found a picture (a container whose seeking misses, a picture elsewhere than
    // the probe thought): the first frame, read from the start, is better than none.
    await grabPosterFrames(input, probe, [null], workDir, options);
    candidates = await readCandidates(workDir, [0]);
  }
  const chosen = choosePoster(candidates);
  if (!chosen) throw new Error('No poster frame could be taken from the video');
  await rename(chosen.file, outFile);
  await Promise.all(
    times.flatMap((_, i) => [
      rm(join(workDir, `poster-${i}.jpg`), { force: true }),
      rm(join(workDir, `poster-${i}.txt`), { force: true }),
    ]),
  );
  return { ...chosen, file: outFile };
}

/**
 * The seek positions of the candidates: 10 %, 30 % and 50 % into the stretch the picture
 * covers (from the start of the file, as `-ss` counts), which may be shorter than the sound.
 */
export function posterTimes(probe: Pick<MediaProbe, 'durationSeconds' | 'video'>): number[] {
  const span = probe.video?.span ?? { start: 0, end: probe.durationSeconds };
  const length = Math.max(0, span.end - span.start);
  return POSTER_POSITIONS.map((f) =>
    Math.max(0, span.start + Math.min(length * f, Math.max(0, length - 0.1))),
  );
}

async function readCandidates(workDir: string, times: number[]): Promise<PosterCandidate[]> {
  const candidates: PosterCandidate[] = [];
  for (const [i, seconds] of times.entries()) {
    const file = join(workDir, `poster-${i}.jpg`);
    const bytes = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    if (bytes === 0) continue;
    const meanLuma = parseMeanLuma(await readFile(join(workDir, `poster-${i}.txt`), 'utf8').catch(() => ''));
    candidates.push({ file, seconds, meanLuma, bytes });
  }
  return candidates;
}

/** One frame at each time (input seeking: a GOP decoded each), or the first frame for null. */
async function grabPosterFrames(
  input: MediaFile,
  probe: MediaProbe,
  times: (number | null)[],
  workDir: string,
  options: MakePosterOptions,
): Promise<void> {
  const video = probe.video!;
  const { width, height } = posterSize(video.displayWidth, video.displayHeight);
  const invocation: FfmpegInvocation = {
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: times.map((t) => ({ ...input, options: t === null ? [] : ['-ss', t.toFixed(3)] })),
    filterComplex: times
      .map(
        (_, i) =>
          `[${i}:${video.index}]scale=${width}:${height}:flags=bicubic,setsar=1,signalstats,` +
          `metadata=mode=print:key=lavfi.signalstats.YAVG:file=poster-${i}.txt[p${i}]`,
      )
      .join(';'),
    outputs: times.map((_, i) => ({
      path: `poster-${i}.jpg`,
      options: [
        '-map',
        `[p${i}]`,
        '-frames:v',
        '1',
        '-c:v',
        'mjpeg',
        '-q:v',
        '3',
        '-update',
        '1',
        '-f',
        'image2',
      ],
    })),
  };
  await runFfmpeg(invocation, { step: 'the poster', cwd: workDir, ...options });
}

/** Prefers frames that are not near-black; among those, the most detailed (largest JPEG). */
export function choosePoster(candidates: PosterCandidate[]): PosterCandidate | null {
  const lit = candidates.filter((c) => c.meanLuma === null || c.meanLuma >= NEAR_BLACK_LUMA);
  const pool = lit.length > 0 ? lit : candidates;
  return pool.reduce<PosterCandidate | null>(
    (best, c) => (best === null || c.bytes > best.bytes ? c : best),
    null,
  );
}

export function parseMeanLuma(text: string): number | null {
  const match = /lavfi\.signalstats\.YAVG=([\d.]+)/.exec(text);
  return match ? Number(match[1]) : null;
}

/** At most 720 on the short side, never larger than the video, even sides for JPEG's 4:2:0. */
export function posterSize(displayWidth: number, displayHeight: number): { width: number; height: number } {
  const landscape = displayWidth >= displayHeight;
  const sourceShort = landscape ? displayHeight : displayWidth;
  const sourceLong = landscape ? displayWidth : displayHeight;
  const short = Math.min(floorEven(sourceShort), POSTER_SHORT_SIDE);
  const long = Math.min(floorEven(sourceLong), even((sourceLong * short) / sourceShort));
  return landscape ? { width: long, height: short } : { width: short, height: long };
}

/**
 * The poster of an audio-only recording: a plain card in the platform's blue with a row of
 * level bars, drawn by ffmpeg alone (no fonts, no assets).
 */
export async function makeAudioPoster(
  workDir: string,
  outFile: string,
  options: MakePosterOptions,
): Promise<void> {
  const heights = [120, 220, 320, 260, 400, 260, 320, 220, 120];
  const barWidth = 40;
  const gap = 24;
  const total = heights.length * barWidth + (heights.length - 1) * gap;
  const bars = heights.map((h, i) => {
    const x = (1280 - total) / 2 + i * (barWidth + gap);
    return `drawbox=x=${x}:y=${360 - h / 2}:w=${barWidth}:h=${h}:color=white@0.9:t=fill`;
  });
  await runFfmpeg(
    {
      globalOptions: QUIET_WITH_PROGRESS,
      inputs: [{ lavfi: 'color=c=0x1f3b73:s=1280x720:r=1:d=1', options: [] }],
      filterComplex: `[0:v]${bars.join(',')},format=yuvj420p[p]`,
      outputs: [
        {
          path: outFile,
          options: [
            '-map',
            '[p]',
            '-frames:v',
            '1',
            '-c:v',
            'mjpeg',
            '-q:v',
            '3',
            '-update',
            '1',
            '-f',
            'image2',
          ],
        },
      ],
    },
    { step: 'the poster', cwd: workDir, ...options },
  );
}
