import { z } from 'zod';

export const progressStages = [
  'queued',
  'probing',
  'remuxing',
  'transcoding',
  'trimming',
  'uploading',
  'publishing',
  'done',
] as const;
export type ProgressStage = (typeof progressStages)[number];

export const progressSchema = z.object({
  stage: z.enum(progressStages),
  /** 0–100 within the stage. */
  percent: z.number().min(0).max(100),
  /** Seconds left in the stage, null while unknown. */
  etaSeconds: z.number().nonnegative().nullable(),
});
export type Progress = z.infer<typeof progressSchema>;

/**
 * Percent and ETA from a position (seconds done) against a total, given when the
 * stage started. The ETA assumes the rate so far holds; it stays null until a
 * little work is done, so the first guess is not wild.
 */
export function computeProgress(
  stage: ProgressStage,
  doneSeconds: number,
  totalSeconds: number,
  elapsedMs: number,
): Progress {
  if (!(totalSeconds > 0)) return { stage, percent: 0, etaSeconds: null };
  const fraction = Math.min(1, Math.max(0, doneSeconds / totalSeconds));
  const percent = Math.round(fraction * 1000) / 10;
  if (fraction < 0.01 || elapsedMs < 500) return { stage, percent, etaSeconds: null };
  const eta = ((elapsedMs / 1000) * (1 - fraction)) / fraction;
  return { stage, percent, etaSeconds: Math.round(eta) };
}

/**
 * How long progress may stay where it is before it counts as stalled. A stage that reports as it
 * goes (ffmpeg's position, bytes uploaded) writes about once a second, and the worker's watchdog
 * kills an ffmpeg that stops for two minutes; so ten silent minutes there mean the job's worker is
 * gone. Probing and the download before the transcode report only when they start: half an hour.
 * A recording waiting in the queue is waiting, not stalled.
 */
export const stallAfterMs: Record<ProgressStage, number | null> = {
  queued: null,
  probing: 30 * 60_000,
  remuxing: 10 * 60_000,
  transcoding: 10 * 60_000,
  trimming: 30 * 60_000,
  uploading: 10 * 60_000,
  publishing: 30 * 60_000,
  done: null,
};

/**
 * Whether a recording's processing has stopped moving: its progress (written at `lastMovedAt`)
 * has stayed put for much longer than the stage ever goes quiet.
 */
export function isProgressStalled(
  state: string,
  progress: Progress | null,
  lastMovedAt: Date,
  now: Date,
): boolean {
  if (state === 'published' || state === 'failed' || !progress) return false;
  const limit = stallAfterMs[progress.stage];
  return limit !== null && now.getTime() - lastMovedAt.getTime() > limit;
}
