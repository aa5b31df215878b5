import { statfs } from 'node:fs/promises';
import { countRecordingsPastCaptionDeadline } from '@folkemote/db';
import { CAPTION_DEADLINE_DAYS } from '@folkemote/domain';
import {
  captionsPastDeadline,
  jobDuration,
  jobFailures,
  oldestActiveJobAge,
  queueJobs,
  type Sample,
  workDirBytes,
} from '@folkemote/metrics';
import { type JobName, jobNames } from '@folkemote/queue';
import type { WorkerDeps } from './deps.ts';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

async function queueSamples(deps: Pick<WorkerDeps, 'queues'>): Promise<Sample[]> {
  const samples: Sample[] = [];
  await Promise.all(
    jobNames.map(async (job) => {
      const counts = await deps.queues.queue(job).getJobCounts(...QUEUE_STATES);
      for (const state of QUEUE_STATES)
        samples.push({ labels: { job_name: job, state }, value: counts[state] ?? 0 });
    }),
  );
  return samples;
}

/** A hung job (ffmpeg stuck at 100 %) keeps its lock and stays active: its age keeps growing. */
async function oldestActiveSamples(deps: Pick<WorkerDeps, 'queues'>): Promise<Sample[]> {
  const now = Date.now();
  return Promise.all(
    jobNames.map(async (job) => {
      const active = await deps.queues.queue(job).getActive(0, 100);
      const started = active.map((j) => j.processedOn ?? now);
      const oldest = started.length > 0 ? Math.min(...started) : now;
      return { labels: { job_name: job }, value: Math.max(0, (now - oldest) / 1000) };
    }),
  );
}

/**
 * Series read at scrape time from Redis, the database and the work directory's file system.
 * The function returned stops them (the worker closing).
 */
export function watchWorkerMetrics(deps: Pick<WorkerDeps, 'queues' | 'db' | 'config'>): () => void {
  // Every job's series exist from the start, so rates and alerts work before its first run.
  for (const job of jobNames) {
    for (const final of ['true', 'false']) jobFailures.inc({ job_name: job, final }, 0);
    for (const outcome of ['completed', 'failed']) jobDuration.zero({ job_name: job, outcome });
  }
  const stops = [
    queueJobs.watch(() => queueSamples(deps)),
    oldestActiveJobAge.watch(() => oldestActiveSamples(deps)),
    captionsPastDeadline.watch(async () => {
      const publishedBefore = new Date(Date.now() - CAPTION_DEADLINE_DAYS * 86_400_000);
      return [{ labels: {}, value: await countRecordingsPastCaptionDeadline(deps.db, publishedBefore) }];
    }),
    workDirBytes.watch(async () => {
      const fs = await statfs(deps.config.worker.workDir);
      return [
        { labels: { kind: 'free' }, value: fs.bavail * fs.bsize },
        { labels: { kind: 'size' }, value: fs.blocks * fs.bsize },
      ];
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

export type JobOutcome = 'completed' | 'failed' | 'handed_back';

export function observeJobAttempt(job: JobName, outcome: JobOutcome, seconds: number): void {
  jobDuration.observe({ job_name: job, outcome }, seconds);
}

export function countJobFailure(job: JobName, final: boolean): void {
  jobFailures.inc({ job_name: job, final: String(final) });
}
