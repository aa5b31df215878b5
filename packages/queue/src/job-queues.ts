import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type JobName, type JobPayload, jobDefinitions, jobIdFor, jobNames, queueNameFor } from './jobs.ts';

export interface JobQueues {
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options?: { delayMs?: number }): Promise<void>;
  queue(name: JobName): Queue;
  close(): Promise<void>;
}

/** Typed producers for every job. The payload is validated before it reaches Redis. */
export function createJobQueues(connection: Redis, prefix = 'bull'): JobQueues {
  const queues = new Map<JobName, Queue>(
    jobNames.map((name) => [name, new Queue(queueNameFor(name), { connection, prefix })]),
  );
  return {
    async enqueue(name, payload, options = {}) {
      const data = jobDefinitions[name].payload.parse(payload);
      await queues.get(name)!.add(name, data, {
        jobId: jobIdFor(name, payload),
        attempts: jobDefinitions[name].attempts,
        backoff: { type: 'exponential', delay: 2000 },
        delay: options.delayMs,
        // Finished jobs go, so the fixed job id can be used again by a later re-run.
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600 },
      });
    },
    queue(name) {
      return queues.get(name)!;
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
