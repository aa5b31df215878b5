import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Progress, TimeRange } from '@folkemote/domain';
import { computeProgress } from '@folkemote/domain';
import { LADDER_ENCODER } from '../encoder-settings.ts';
import type { FfmpegInvocation } from '../ffmpeg-invocation.ts';
import type { MediaFile } from '../recording-formats.ts';
import { runFfmpeg } from '../run-ffmpeg.ts';
import {
  audioInvocation,
  concatList,
  copySplitInvocation,
  encodePieceInvocation,
  joinInvocation,
  reencodeInvocation,
} from './cut-invocations.ts';
import { copyPieceIndex, planSmartCut, type SmartCutPlan } from './plan-smart-cut.ts';
import { type CutSource, listVideoFrames, matchingX264Options, probeForCut } from './probe-for-cut.ts';

export interface SmartCutOptions {
  /** Kept ranges of the source, in order, in seconds from its start (`keptRanges` of the domain). */
  kept: readonly TimeRange[];
  /** An empty folder of the worker's own: every file the cut writes goes here. */
  workDir: string;
  stallTimeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Told why the whole result is re-encoded instead (a source that is not H.264, say). */
  onFallback?: (reason: string) => void;
  /** Re-encode everything (the bench's baseline): x264 options for the video. */
  reencode?: readonly string[];
}

export interface SmartCutResult {
  file: MediaFile;
  mode: 'smart' | 'reencode';
  /** The kept ranges as cut: on the picture grid for a smart cut. */
  kept: TimeRange[];
  copiedSeconds: number;
  encodedSeconds: number;
}

/** x264 options of the ladder's encoded renditions: what a full re-encode of the result uses. */
export const LADDER_X264 = [
  '-c:v',
  'libx264',
  '-preset',
  LADDER_ENCODER.preset,
  '-crf',
  String(LADDER_ENCODER.crf),
  '-pix_fmt',
  'yuv420p',
];

/**
 * Trims a source to its kept ranges ("smart cut"): the GOPs wholly inside a range are copied,
 * only the pictures from a cut to the next keyframe are re-encoded (same profile, level and
 * picture format as the source), the sound is cut at the sample, and everything is joined into
 * one Matroska file. A source whose video cannot be matched is re-encoded whole instead.
 */
export async function runSmartCut(source: MediaFile, options: SmartCutOptions): Promise<SmartCutResult> {
  const { workDir, signal } = options;
  const info = await probeForCut(source, signal);
  const kept = options.kept.map((r) => ({ start: r.start, end: Math.min(r.end, info.durationSeconds) }));
  const x264 = options.reencode ? null : matchingX264Options(info.video);
  if (!info.video || !x264) {
    if (info.video && !options.reencode)
      options.onFallback?.(
        `the video (${info.video.codec} ${info.video.profile ?? ''}) cannot be cut without re-encoding`,
      );
    return reencodeAll(source, info, kept, options);
  }
  const { frames, keyframes } = await listVideoFrames(source, info.startSeconds, signal);
  const videoEnd =
    frames.length > 0 ? Math.min(info.durationSeconds, (frames.at(-1) as number) + frameStep(frames)) : 0;
  const plan = planSmartCut(kept, frames, keyframes, videoEnd);
  const total = plan.kept.reduce((s, r) => s + r.end - r.start, 0);
  const steps = createStepProgress(options.onProgress, info.durationSeconds + total);
  // The sound is cut on the second core while the video is copied and its joints re-encoded.
  const side = new AbortController();
  const sideSignal = signal ? AbortSignal.any([signal, side.signal]) : side.signal;
  const runOn = (s: AbortSignal | undefined) => (inv: FfmpegInvocation, step: string, weight: number) =>
    runFfmpeg(inv, { step, signal: s, stallTimeoutMs: options.stallTimeoutMs, onPosition: steps.at(weight) });
  const run = runOn(signal);
  const audio = info.hasAudio
    ? cutAudio(source, plan.kept, workDir, runOn(sideSignal))
    : Promise.resolve(null);
  audio.catch(() => {});
  let names: Array<{ name: string; seconds: number }>;
  try {
    names = await videoPieces(plan, source, x264, workDir, run);
  } catch (err) {
    side.abort();
    throw err;
  }
  steps.next(info.durationSeconds);
  const list = path.join(workDir, 'pieces.ffconcat');
  await writeFile(list, concatList(names));
  const out = path.join(workDir, 'trimmed.mkv');
  await run(joinInvocation(list, await audio, out), 'joining the trimmed pieces', 1);
  const encodedSeconds = plan.pieces.reduce((s, p) => s + (p.kind === 'encode' ? p.end - p.start : 0), 0);
  return {
    file: { path: out, demuxer: 'matroska' },
    mode: 'smart',
    kept: plan.kept,
    copiedSeconds: total - encodedSeconds,
    encodedSeconds,
  };
}

function frameStep(frames: readonly number[]): number {
  const n = frames.length;
  return n >= 2 ? (frames[n - 1] as number) - (frames[n - 2] as number) : 0;
}

type Run = (inv: FfmpegInvocation, step: string, weight: number) => Promise<unknown>;

/** The video's pieces in order: the stream copy split at keyframes, and the joints re-encoded. */
async function videoPieces(
  plan: SmartCutPlan,
  source: MediaFile,
  x264: readonly string[],
  workDir: string,
  run: Run,
) {
  const copied = await copyPieces(plan, source, workDir, run);
  const names: Array<{ name: string; seconds: number }> = [];
  for (const [i, piece] of plan.pieces.entries()) {
    if (piece.kind === 'copy') {
      names.push({ name: copied(piece.start), seconds: piece.end - piece.start });
      continue;
    }
    const name = `enc-${String(i).padStart(4, '0')}.ts`;
    await run(
      encodePieceInvocation(source, piece, x264, path.join(workDir, name)),
      'the re-encode at a cut',
      0,
    );
    names.push({ name, seconds: piece.end - piece.start });
  }
  return names;
}

/** Runs the one stream copy; returns the name of the piece that starts at a given keyframe. */
async function copyPieces(plan: SmartCutPlan, source: MediaFile, workDir: string, run: Run) {
  if (!plan.pieces.some((p) => p.kind === 'copy')) return () => '';
  await run(
    copySplitInvocation(source, plan.splits, path.join(workDir, 'copy-%05d.ts')),
    'the stream copy',
    1,
  );
  const written = new Set(await readdir(workDir));
  return (start: number) => {
    const name = `copy-${String(copyPieceIndex(plan.splits, start)).padStart(5, '0')}.ts`;
    if (!written.has(name))
      throw new Error(`The stream copy did not write the piece at ${start.toFixed(3)} s`);
    return name;
  };
}

async function cutAudio(source: MediaFile, kept: TimeRange[], workDir: string, run: Run): Promise<MediaFile> {
  const out = path.join(workDir, 'audio.flac');
  await run(audioInvocation(source, kept, out), 'cutting the sound', 0);
  return { path: out, demuxer: 'flac' };
}

async function reencodeAll(
  source: MediaFile,
  info: CutSource,
  kept: TimeRange[],
  options: SmartCutOptions,
): Promise<SmartCutResult> {
  const total = kept.reduce((s, r) => s + r.end - r.start, 0);
  const steps = createStepProgress(options.onProgress, total);
  const out = path.join(options.workDir, 'trimmed.mkv');
  const encoder = options.reencode ?? LADDER_X264;
  await runFfmpeg(reencodeInvocation(source, kept, info.video !== null, info.hasAudio, encoder, out), {
    step: 'the re-encode of the trimmed recording',
    signal: options.signal,
    stallTimeoutMs: options.stallTimeoutMs,
    onPosition: steps.at(1),
  });
  return {
    file: { path: out, demuxer: 'matroska' },
    mode: 'reencode',
    kept,
    copiedSeconds: 0,
    encodedSeconds: total,
  };
}

/** Progress over steps of known length in media seconds: a step's position adds to what is done. */
function createStepProgress(onProgress: ((p: Progress) => void) | undefined, totalSeconds: number) {
  const started = Date.now();
  let done = 0;
  return {
    at: (weight: number) => (seconds: number) =>
      onProgress?.(computeProgress('trimming', done + seconds * weight, totalSeconds, Date.now() - started)),
    next(seconds: number) {
      done += seconds;
      onProgress?.(computeProgress('trimming', done, totalSeconds, Date.now() - started));
    },
  };
}
