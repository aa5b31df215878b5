import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findRecording, insertRecording, updateRecordingProgress, upsertOrganisation } from '@folkemote/db';
import { createPgliteTestDatabase, type TestDatabase } from '@folkemote/db/testing';
import { createLogger } from '@folkemote/logger';
import { createJobQueues, createRedisConnection, jobIdFor, queueNameFor } from '@folkemote/queue';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onJobFailed } from '../src/on-job-failed.ts';
import { sweepFailedRecordings } from '../src/sweep-failed-recordings.ts';
import { recordingWorkDir } from '../src/work-dirs.ts';

// Real Redis and BullMQ, PGlite: a job that failed for good while nobody marked its recording, and
// the same failure handled as it happens.
const prefix = `test-${randomBytes(4).toString('hex')}`;
const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const queues = createJobQueues(redis, prefix);
let database: TestDatabase;
let organisationId: string;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'folkemote-sweep-'));
  database = await createPgliteTestDatabase();
  organisationId = (await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' })).id;
});
afterAll(async () => {
  await queues.close();
  redis.disconnect();
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

/** A file in the recording's work folder, as a job cut short leaves it. */
const leaveWorkFiles = async (recordingId: string) => {
  const dir = recordingWorkDir(workDir, recordingId);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'source.mp4'), 'partial');
  return dir;
};
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

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

/**
 * Runs the recordings' ingest jobs in a worker that fails them for good and marks nothing: with
 * an unrecoverable error, or (`attempts` given) with a plain one until its attempts are spent.
 */
async function failIngestOf(ids: string[], attempts?: number) {
  const worker = new Worker(
    queueNameFor('recording.ingest'),
    async () => {
      if (attempts) throw new Error('S3 answered 503 Slow Down');
      throw new UnrecoverableError('The source is missing from storage');
    },
    { connection: redis, prefix },
  );
  try {
    for (const recordingId of ids) {
      if (!attempts) await queues.enqueue('recording.ingest', { recordingId });
      else {
        const jobId = jobIdFor('recording.ingest', { recordingId })!;
        await queues.queue('recording.ingest').add('recording.ingest', { recordingId }, { jobId, attempts });
      }
    }
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

    const deps = {
      db: database.db,
      queues,
      log: createLogger('silent', 'test'),
      config: { worker: { workDir } },
    };
    expect(await sweepFailedRecordings(deps)).toBe(1);
    // An unrecoverable error says what is wrong with the recording itself, as when it is marked at once.
    expect(await findRecording(database.db, lost)).toMatchObject({
      state: 'failed',
      failureReason: 'The source is missing from storage',
    });
    expect((await findRecording(database.db, retried))?.state).toBe('uploaded');
    expect((await findRecording(database.db, waiting))?.state).toBe('uploaded');
    expect(await sweepFailedRecordings(deps)).toBe(0);
  });

  it('gives a job that spent its attempts the reason with their number, and removes the work folder', async () => {
    const recordingId = await newRecording('attempts-spent');
    const deps = {
      db: database.db,
      queues,
      log: createLogger('silent', 'test'),
      config: { worker: { workDir } },
    };
    await failIngestOf([recordingId], 1);
    const dir = await leaveWorkFiles(recordingId);
    const elsewhere = await leaveWorkFiles(await newRecording('still-waiting'));

    expect(await sweepFailedRecordings(deps)).toBe(1);
    expect(await findRecording(database.db, recordingId)).toMatchObject({
      state: 'failed',
      failureReason: 'Processing failed after 1 attempts: S3 answered 503 Slow Down',
    });
    expect(await exists(dir)).toBe(false);
    expect(await exists(elsewhere)).toBe(true);
  });
});

describe('a job that fails, handled as it happens', () => {
  const deps = () => ({
    db: database.db,
    log: createLogger('silent', 'test'),
    config: { worker: { workDir } },
  });
  const slowDown = new Error('S3 answered 503 Slow Down');
  it.each([
    [
      'spent its attempts',
      5,
      slowDown,
      'failed',
      'Processing failed after 5 attempts: S3 answered 503 Slow Down',
    ],
    ['was unrecoverable', 1, new UnrecoverableError('The file is empty.'), 'failed', 'The file is empty.'],
    ['will be tried again', 2, slowDown, 'uploaded', null],
  ] as const)(
    'leaves its recording as it should when the job %s',
    async (_, attemptsMade, err, state, reason) => {
      const recordingId = await newRecording(`handled-${attemptsMade}`);
      const dir = await leaveWorkFiles(recordingId);
      const job = {
        id: `ingest-${recordingId}`,
        data: { recordingId },
        attemptsMade,
        opts: { attempts: 5 },
      } as Job;
      await onJobFailed(deps(), 'recording.ingest', job, err);
      expect(await findRecording(database.db, recordingId)).toMatchObject({ state, failureReason: reason });
      // The work folder goes with the mark, and stays for the next attempt.
      expect(await exists(dir)).toBe(state === 'uploaded');
    },
  );
});
