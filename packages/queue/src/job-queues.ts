import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type JobName, type JobPayload, jobDefinitions, jobIdFor, jobNames, queueNameFor } from './jobs.ts';

export interface BulkJob<N extends JobName> {
  payload: JobPayload<N>;
  /** Replaces the job's usual id (`jobIdFor`), so handing the same entry on twice adds it once. */
  jobId?: string;
  delayMs?: number;
}

export interface JobQueues {
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options?: { delayMs?: number }): Promise<void>;
  /** Many jobs of one kind in one Redis round trip, with the same options and checks as `enqueue`. */
  enqueueBulk<N extends JobName>(name: N, jobs: BulkJob<N>[]): Promise<void>;
  queue(name: JobName): Queue;
  /** Publishes a notice on a Redis pub/sub channel over the producers' connection. */
  publish(channel: string, message: string): Promise<void>;
  close(): Promise<void>;
}

/** Typed producers for every job. The payload is validated before it reaches Redis. */
export function createJobQueues(connection: Redis, prefix = 'bull'): JobQueues {
  const queues = new Map<JobName, Queue>(
    jobNames.map((name) => [name, new Queue(queueNameFor(name), { connection, prefix })]),
  );
  // The payload is checked before anything reaches Redis.
  const jobOf = <N extends JobName>(name: N, job: BulkJob<N>) => ({
    name,
    data: jobDefinitions[name].payload.parse(job.payload),
    opts: {
      jobId: job.jobId ?? jobIdFor(name, job.payload),
      attempts: jobDefinitions[name].attempts,
      backoff: { type: 'exponential', delay: 2000 },
      delay: job.delayMs,
      // Finished jobs go, so the fixed job id can be used again by a later re-run.
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  return {
    async enqueue(name, payload, options = {}) {
      const { data, opts } = jobOf(name, { payload, delayMs: options.delayMs });
      await queues.get(name)!.add(name, data, opts);
    },
    async enqueueBulk(name, jobs) {
      if (jobs.length === 0) return;
      await queues.get(name)!.addBulk(jobs.map((job) => jobOf(name, job)));
    },
    queue(name) {
      return queues.get(name)!;
    },
    async publish(channel, message) {
      await connection.publish(channel, message);
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
