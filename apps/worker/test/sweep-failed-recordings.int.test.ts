import { randomBytes } from 'node:crypto';
import { findRecording, insertRecording, updateRecordingProgress, upsertOrganisation } from '@folkemote/db';
import { createPgliteTestDatabase, type TestDatabase } from '@folkemote/db/testing';
import { createLogger } from '@folkemote/logger';
import { createJobQueues, createRedisConnection, jobIdFor, queueNameFor } from '@folkemote/queue';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepFailedRecordings } from '../src/sweep-failed-recordings.ts';

// Real Redis and BullMQ, PGlite: a job that failed for good while nobody marked its recording.
const prefix = `test-${randomBytes(4).toString('hex')}`;
const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const queues = createJobQueues(redis, prefix);
let database: TestDatabase;
let organisationId: string;

beforeAll(async () => {
  database = await createPgliteTestDatabase();
  organisationId = (await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' })).id;
});
afterAll(async () => {
  await queues.close();
  redis.disconnect();
  await database?.drop();
});

const newRecording = async (title: string) =>
  (
    await insertRecording(database.db, {
      eventId: null,
      organisationId,
      title,
      sourceKey: `raw/${title}.mp4`,
      sourceBytes: 1,
    })
  ).id;

/** Runs the recordings' ingest jobs in a worker that fails them for good and marks nothing. */
async function failIngestOf(ids: string[]) {
  const worker = new Worker(
    queueNameFor('recording.ingest'),
    async () => {
      throw new UnrecoverableError('The source is missing from storage');
    },
    { connection: redis, prefix },
  );
  try {
    for (const recordingId of ids) await queues.enqueue('recording.ingest', { recordingId });
    const queue = queues.queue('recording.ingest');
    const deadline = Date.now() + 15_000;
    for (const recordingId of ids) {
      const jobId = jobIdFor('recording.ingest', { recordingId })!;
      while ((await queue.getJobState(jobId)) !== 'failed') {
        if (Date.now() > deadline) throw new Error(`${jobId} never failed`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  } finally {
    await worker.close();
  }
}

describe('the sweep for failed recordings', () => {
  it('marks failed a recording whose job failed for good, and leaves a retried or waiting one alone', async () => {
    const lost = await newRecording('lost-mark');
    const retried = await newRecording('retried');
    const waiting = await newRecording('waiting');
    await failIngestOf([lost, retried]);
    // A retry since: the recording changed after its job failed.
    await updateRecordingProgress(database.db, retried, { stage: 'queued', percent: 0, etaSeconds: null });

    const deps = { db: database.db, queues, log: createLogger('silent', 'test') };
    expect(await sweepFailedRecordings(deps)).toBe(1);
    expect(await findRecording(database.db, lost)).toMatchObject({
      state: 'failed',
      failureReason: 'Processing failed after 1 attempts: The source is missing from storage',
    });
    expect((await findRecording(database.db, retried))?.state).toBe('uploaded');
    expect((await findRecording(database.db, waiting))?.state).toBe('uploaded');
    expect(await sweepFailedRecordings(deps)).toBe(0);
  });
});
