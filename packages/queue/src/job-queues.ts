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

/**
 * BullMQ ignores a job added under an id that is still in use, and a job that failed for good keeps
 * its id for a week (for inspection). So a step enqueued again after its job failed, as a retry
 * does, would add nothing. Such failed jobs are removed first, in one round trip to find them; a
 * job under the id that waits, is delayed or runs still makes the new one a repeat that adds nothing.
 */
async function removeFailedJobs(
  connection: Redis,
  queue: Queue,
  jobIds: ReadonlyArray<string | undefined>,
): Promise<void> {
  const ids = jobIds.filter((id): id is string => id !== undefined);
  if (ids.length === 0) return;
  const lookup = connection.pipeline();
  for (const id of ids) lookup.zscore(queue.toKey('failed'), id);
  const scores = (await lookup.exec()) ?? [];
  const failed = ids.filter((_, i) => scores[i]?.[1] != null);
  await Promise.all(failed.map((id) => queue.remove(id)));
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
      // Finished jobs go, so the fixed job id can be used again by a later re-run; failed ones stay
      // a week for inspection, and a re-run removes them first (see removeFailedJobs).
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  return {
    async enqueue(name, payload, options = {}) {
      const { data, opts } = jobOf(name, { payload, delayMs: options.delayMs });
      const queue = queues.get(name)!;
      await removeFailedJobs(connection, queue, [opts.jobId]);
      await queue.add(name, data, opts);
    },
    async enqueueBulk(name, jobs) {
      if (jobs.length === 0) return;
      const queue = queues.get(name)!;
      const bulk = jobs.map((job) => jobOf(name, job));
      await removeFailedJobs(
        connection,
        queue,
        bulk.map((job) => job.opts.jobId),
      );
      await queue.addBulk(bulk);
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
