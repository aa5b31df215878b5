import type { ProgressStage } from '@folkemote/domain';
import type { VideoEncoderSettings } from './encoder-settings.ts';
import type { LoudnessTarget } from './measure-loudness.ts';
import type { MediaProbe } from './probe-types.ts';
import type { MediaFile } from './recording-formats.ts';
import type { ProgressReporter } from './report-progress.ts';

/** What the quick and full runs share: resolved paths, the probe and the caller's settings. */
export interface TranscodeContext {
  /** The source, read as the container it was probed as in every run. */
  source: MediaFile;
  outDir: string;
  workDir: string;
  probe: MediaProbe;
  loudness: LoudnessTarget;
  threads: number | null;
  stallTimeoutMs: number;
  /** Aborted by the caller's signal, and by the run itself to stop sibling processes on failure. */
  signal: AbortSignal;
  progress: ProgressReporter;
  encoder: VideoEncoderSettings;
  /** Told when each step (an ffmpeg run, a measurement) ends, with `performance.now()` times. */
  onStep: (step: string, start: number, end: number) => void;
  /** Told of each media segment as soon as it is final, while ffmpeg writes the next. */
  onFileReady: (relativePath: string) => void;
}

/** Runs one step of a transcode and reports how long it took, also when it fails. */
export async function timeStep<T>(
  ctx: Pick<TranscodeContext, 'onStep'>,
  step: string,
  work: () => Promise<T>,
): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    ctx.onStep(step, start, performance.now());
  }
}

/**
 * Splits a stage's progress into weighted steps, so steps of different cost move one bar
 * smoothly. Weights are shares of the stage; `at` takes the fraction done of a step.
 */
export function createStepProgress(
  progress: ProgressReporter,
  stage: ProgressStage,
  durationSeconds: number,
  steps: [name: string, weight: number][],
): { at(step: string, fraction: number): void } {
  const total = steps.reduce((s, [, w]) => s + w, 0);
  return {
    at(step, fraction) {
      let before = 0;
      for (const [name, weight] of steps) {
        if (name === step) {
          const done = (before + weight * Math.min(1, Math.max(0, fraction))) / total;
          progress.update(stage, done * durationSeconds, durationSeconds);
          return;
        }
        before += weight;
      }
    },
  };
}

/**
 * The controller for one run's side-by-side tasks: aborted by the caller's signal too, until
 * `release` (once the run is over) stops following it.
 */
export function abortWithin(outer: AbortSignal): { controller: AbortController; release(): void } {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(outer.reason);
  if (outer.aborted) onOuterAbort();
  else outer.addEventListener('abort', onOuterAbort, { once: true });
  return { controller, release: () => outer.removeEventListener('abort', onOuterAbort) };
}

/**
 * Runs tasks side by side; when one fails the shared controller is aborted so the others'
 * ffmpeg processes are killed, and only once all have stopped is the first real error thrown.
 */
export async function allOrAbort<T extends readonly unknown[]>(
  controller: AbortController,
  tasks: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  const results = await Promise.allSettled(
    tasks.map((task) =>
      task().catch((err: unknown) => {
        controller.abort(err);
        throw err;
      }),
    ),
  );
  const failures = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason);
  if (failures.length > 0) {
    // Prefer the error that started it over the AbortErrors it caused.
    throw failures.find((e) => !(e instanceof Error && e.name === 'AbortError')) ?? failures[0];
  }
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
