import { type JobName, jobDefinitions, jobNames, queueNameFor } from '@folkemote/queue';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WorkerDeps } from './deps.ts';
import { onJobFailed } from './on-job-failed.ts';
import { createOutageBackoff, findDependencyAway } from './outage-wait.ts';
import { createProgressReporter } from './progress-reporter.ts';
import { assertRegistryComplete, jobRegistry } from './registry.ts';
import { scheduleRepeatingJobs } from './schedule-repeating.ts';
import { ensureSiteAssets } from './site-writer.ts';
import { startFailedRecordingSweep } from './sweep-failed-recordings.ts';
import { recordingWorkDir, removeDir, sweepWorkDir } from './work-dirs.ts';
import { countJobFailure, observeJobAttempt, watchWorkerMetrics } from './worker-metrics.ts';

export interface RunningWorker {
  /** Stops taking jobs; running ones finish or are handed back, never left half-done. */
  close(): Promise<void>;
}

const concurrencyFor = (name: JobName, configured: number) =>
  name === 'recording.transcode' || name === 'recording.trim'
    ? configured
    : name === 'site.rebuild' ||
        name === 'registration.retention' ||
        name === 'livekit.reconcile' ||
        // Speech recognition takes every core it gets: one at a time beside the transcodes.
        name === 'recording.captions-draft'
      ? 1
      : name === 'registration.email' || name === 'registration.reminder'
        ? 8
        : 2;

export async function startWorker(deps: WorkerDeps, connection: Redis): Promise<RunningWorker> {
  const { lockDurationMs, stalledIntervalMs, shutdownGraceMs } = deps.config.worker;
  assertRegistryComplete();
  const removed = await sweepWorkDir(deps.config.worker.workDir, new Set());
  if (removed > 0) deps.log.info({ removed }, 'temporary files of interrupted jobs removed');
  await ensureSiteAssets(deps);
  await scheduleRepeatingJobs(deps.queues);

  const shutdown = new AbortController();
  const outageBackoff = createOutageBackoff();
  const workers = jobNames.map((name) => {
    const worker = new Worker(
      queueNameFor(name),
      (job, token) => runJob(deps, name, job, token, shutdown.signal, outageBackoff),
      {
        connection,
        prefix: deps.config.redis.queuePrefix,
        concurrency: concurrencyFor(name, deps.config.worker.concurrency),
        lockDuration: lockDurationMs,
        stalledInterval: stalledIntervalMs,
        // A killed worker's job is picked up again rather than failed at once.
        maxStalledCount: 3,
      },
    );
    worker.on('failed', (job, err) => {
      if (job && !(err instanceof DelayedError))
        countJobFailure(
          name,
          err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1),
        );
      void onJobFailed(deps, name, job, err);
    });
    worker.on('error', (err) => deps.log.error({ err, queue: name }, 'worker error'));
    return worker;
  });
  const sweep = startFailedRecordingSweep(deps);
  const stopMetrics = watchWorkerMetrics(deps);
  deps.log.info({ queues: jobNames.length }, 'worker started');

  return {
    async close() {
      stopMetrics();
      await sweep.stop();
      const closing = Promise.all(workers.map((w) => w.close()));
      const timer = setTimeout(() => shutdown.abort(), shutdownGraceMs);
      try {
        await closing;
      } finally {
        clearTimeout(timer);
      }
      deps.log.info('worker stopped');
    },
  };
}

async function runJob(
  deps: WorkerDeps,
  name: JobName,
  job: Job,
  token: string | undefined,
  shutdown: AbortSignal,
  outageBackoff: ReturnType<typeof createOutageBackoff>,
) {
  const parsed = jobDefinitions[name].payload.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`Invalid payload for ${name}`);
  const payload = parsed.data as { recordingId?: string };
  const recordingId = payload.recordingId ?? null;
  const reporter = createProgressReporter(
    deps,
    recordingId,
    (p) => void job.updateProgress(p).catch(() => {}),
  );
  const log = deps.log.child({ job: name, jobId: job.id, recordingId });
  log.info({ attempt: job.attemptsMade + 1 }, 'job started');
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const handler = jobRegistry[name] as (typeof jobRegistry)[JobName];
    await (handler.handle as (d: WorkerDeps, p: unknown, c: unknown) => Promise<void>)(
      { ...deps, log },
      parsed.data,
      {
        signal: shutdown,
        reportProgress: reporter.report,
        attemptsMade: job.attemptsMade,
        jobKey: `${job.id}-${job.timestamp}`,
      },
    );
    log.info('job finished');
    observeJobAttempt(name, 'completed', seconds());
    if (job.id) outageBackoff.forget(job.id);
  } catch (err) {
    if (shutdown.aborted && token) {
      // Shutting down: hand the job back without spending an attempt, and leave no files behind.
      if (recordingId) await removeDir(recordingWorkDir(deps.config.worker.workDir, recordingId));
      await job.moveToDelayed(Date.now() + 1000, token);
      log.info('job handed back on shutdown');
      observeJobAttempt(name, 'handed_back', seconds());
      throw new DelayedError();
    }
    const away =
      token && job.id && !(err instanceof UnrecoverableError) ? await findDependencyAway(deps) : null;
    if (away && token && job.id) {
      // Failed because S3 or the database is away: wait for it without spending an attempt.
      if (recordingId) await removeDir(recordingWorkDir(deps.config.worker.workDir, recordingId));
      const waitMs = outageBackoff.next(job.id);
      await job.moveToDelayed(Date.now() + waitMs, token);
      log.warn({ err, away, waitMs }, 'job waits for S3 or the database without spending an attempt');
      observeJobAttempt(name, 'handed_back', seconds());
      throw new DelayedError();
    }
    if (job.id) outageBackoff.forget(job.id);
    observeJobAttempt(name, 'failed', seconds());
    throw err;
  } finally {
    await reporter.flush();
  }
}
