import { computeProgress, type Progress, type ProgressStage } from '@folkemote/domain';

/** At most this many reports per second reach the caller (it may forward them to a database). */
export const PROGRESS_INTERVAL_MS = 250;

export interface ProgressReporter {
  /** Work done in the current stage, as seconds of media against the stage's total. */
  update(stage: ProgressStage, doneSeconds: number, totalSeconds: number): void;
  /** The stage is complete: reported at once, at 100 %. */
  complete(stage: ProgressStage): void;
}

/**
 * Throttles progress reports: a stage's first report and its completion always go out, the
 * rest at most every PROGRESS_INTERVAL_MS. Percent and ETA come from computeProgress, with
 * the elapsed time counted from the stage's start.
 */
export function createProgressReporter(
  onProgress: ((p: Progress) => void) | undefined,
  now: () => number = Date.now,
): ProgressReporter {
  let stage: ProgressStage | null = null;
  let stageStart = 0;
  let lastSent = Number.NEGATIVE_INFINITY;
  let lastPercent = -1;

  const send = (p: Progress) => {
    lastSent = now();
    lastPercent = p.percent;
    try {
      onProgress?.(p);
    } catch {
      // A failing listener must not fail the transcode.
    }
  };
  const enter = (next: ProgressStage) => {
    if (stage === next) return false;
    stage = next;
    stageStart = now();
    lastPercent = -1;
    return true;
  };

  return {
    update(next, doneSeconds, totalSeconds) {
      const entered = enter(next);
      const p = computeProgress(next, doneSeconds, totalSeconds, now() - stageStart);
      if (entered || (now() - lastSent >= PROGRESS_INTERVAL_MS && p.percent !== lastPercent)) send(p);
    },
    complete(next) {
      enter(next);
      send({ stage: next, percent: 100, etaSeconds: 0 });
    },
  };
}
