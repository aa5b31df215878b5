import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from './registry.ts';
import { sampledGauge } from './sampled-gauge.ts';

// Series name their job `job_name`: Prometheus gives every scraped series a `job` label of its own.

export const jobDuration = new Histogram({
  name: 'folkemote_job_duration_seconds',
  help: 'Time a job attempt ran, by job name and outcome (completed, failed, handed_back)',
  labelNames: ['job_name', 'outcome'] as const,
  buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 900, 1800, 3600, 7200],
  registers: [metricsRegistry],
});

/** Every failed attempt; `final="true"` when no attempt is left and the job failed for good. */
export const jobFailures = new Counter({
  name: 'folkemote_job_failures_total',
  help: 'Failed job attempts, by job name; final="true" when the job failed for good',
  labelNames: ['job_name', 'final'] as const,
  registers: [metricsRegistry],
});

/** Seconds of media transcoded per second of wall time: above 1 is faster than real time. */
export const transcodeRealtimeFactor = new Histogram({
  name: 'folkemote_transcode_realtime_factor',
  help: 'Media seconds transcoded per wall-clock second, per finished transcode',
  buckets: [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64],
  registers: [metricsRegistry],
});

/** Jobs per queue and state (waiting, active, delayed, failed), read from Redis at each scrape. */
export const queueJobs = sampledGauge(
  'folkemote_queue_jobs',
  'Jobs in each queue, by job name and state (waiting, active, delayed, failed), at scrape time',
  ['job_name', 'state'],
);

/** How long the longest-running active job of each queue has run: a hung job shows as a growing age. */
export const oldestActiveJobAge = sampledGauge(
  'folkemote_job_oldest_active_seconds',
  'Seconds since the longest-running active job of each queue started (0 when none is active)',
  ['job_name'],
);

/** Replays online past their caption deadline without any captions. */
export const captionsPastDeadline = sampledGauge(
  'folkemote_captions_past_deadline',
  'Published recordings past their caption deadline that have no captions',
  [],
);

/** Free and total bytes of the file system that holds the worker's temporary files. */
export const workDirBytes = sampledGauge(
  'folkemote_work_dir_bytes',
  'Bytes of the file system holding the worker’s temporary files, by kind (free, size)',
  ['kind'],
);
