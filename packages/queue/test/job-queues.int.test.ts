import { randomBytes, randomUUID } from 'node:crypto';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisConnection } from '../src/connection.ts';
import { createJobQueues } from '../src/job-queues.ts';
import { type JobName, type JobPayload, jobIdFor, jobNames, queueNameFor } from '../src/jobs.ts';

// Real Redis, real BullMQ workers: what a fixed job id does once its job has failed for good.
const prefix = `test-${randomBytes(4).toString('hex')}`;
const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const queues = createJobQueues(redis, prefix);
afterAll(async () => {
  await queues.close();
  redis.disconnect();
});

/** A payload per job name (the compiler asks for one for every new job). */
const samplePayloads: { [N in JobName]: JobPayload<N> } = {
  'recording.ingest': { recordingId: randomUUID() },
  'recording.quick': { recordingId: randomUUID() },
  'recording.transcode': { recordingId: randomUUID() },
  'recording.captions-draft': { recordingId: randomUUID() },
  'recording.trim': { recordingId: randomUUID() },
  'replay.refresh': { recordingId: randomUUID() },
  'site.rebuild': {},
  'broadcast.refresh': { eventId: randomUUID() },
  'broadcast.close': { eventId: randomUUID() },
  'registration.email': { registrationId: randomUUID(), kind: 'confirmation' },
  'registration.reminder': { registrationId: randomUUID(), kind: '24h' },
  'registration.retention': {},
  'livekit.reconcile': { eventId: randomUUID() },
  'staff.email': { emailId: randomUUID() },
  'password-reset.email': { emailId: randomUUID() },
};
const withFixedIds = jobNames.filter((name) => jobIdFor(name, samplePayloads[name]) !== undefined);

async function until(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('enqueueing under a fixed job id', () => {
  it('covers the recording steps, the trim, reminders, staff invitations, reset links, the per-event reconcile and a broadcast’s close', () => {
    expect(withFixedIds.sort()).toEqual(
      [
        'broadcast.close',
        'livekit.reconcile',
        'recording.ingest',
        'recording.quick',
        'recording.transcode',
        'recording.captions-draft',
        'recording.trim',
        'registration.reminder',
        'staff.email',
        'password-reset.email',
      ].sort(),
    );
  });

  it.each(withFixedIds)('runs %s again after its job failed for good', async (name) => {
    const payload = samplePayloads[name];
    const jobId = jobIdFor(name, payload)!;
    const queue = queues.queue(name);
    let runs = 0;
    const worker = new Worker(
      queueNameFor(name),
      async () => {
        runs++;
        if (runs === 1) throw new UnrecoverableError('the first run fails');
      },
      { connection: redis, prefix, concurrency: 1 },
    );
    try {
      await queues.enqueue(name, payload);
      await until(async () => (await queue.getJobState(jobId)) === 'failed', `${jobId} to fail`);

      await queues.enqueue(name, payload);
      await until(async () => runs === 2, `${jobId} to run again`);
      // The second run succeeded and, like every finished job, is gone, freeing the id again.
      await until(async () => (await queue.getJobState(jobId)) === 'unknown', `${jobId} to finish`);
    } finally {
      await worker.close();
    }
  });

  it('still adds nothing while the job under the id waits', async () => {
    const name = 'registration.reminder';
    const payload = { registrationId: randomUUID(), kind: '1h' } as const;
    const jobId = jobIdFor(name, payload)!;
    const queue = queues.queue(name);
    await queues.enqueue(name, payload, { delayMs: 60_000 });
    await queues.enqueue(name, payload);
    await queues.enqueueBulk(name, [{ payload }]);
    // Still the first, delayed job: the repeats were ignored.
    expect(await queue.getJobState(jobId)).toBe('delayed');
    expect(await queue.getJobCounts('delayed', 'wait')).toEqual({ delayed: 1, wait: 0 });
    await queue.remove(jobId);
  });

  it('replaces a job that failed for good in a bulk hand-off too', async () => {
    const name = 'registration.email';
    const payload = { registrationId: randomUUID(), kind: 'confirmation' } as const;
    const jobId = `registration-outbox-${randomUUID()}`;
    const queue = queues.queue(name);
    let runs = 0;
    const worker = new Worker(
      queueNameFor(name),
      async () => {
        runs++;
        if (runs === 1) throw new UnrecoverableError('the first run fails');
      },
      { connection: redis, prefix, concurrency: 1 },
    );
    try {
      await queues.enqueueBulk(name, [{ payload, jobId }]);
      await until(async () => (await queue.getJobState(jobId)) === 'failed', `${jobId} to fail`);
      await queues.enqueueBulk(name, [{ payload, jobId }]);
      await until(async () => runs === 2, `${jobId} to run again`);
    } finally {
      await worker.close();
    }
  });
});
