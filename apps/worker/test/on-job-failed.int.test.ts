import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findRecording, insertRecording, upsertOrganisation } from '@folkemote/db';
import { createPgliteTestDatabase, type TestDatabase } from '@folkemote/db/testing';
import { type Job, UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { onJobFailed } from '../src/on-job-failed.ts';
import { recordingWorkDir } from '../src/work-dirs.ts';

// PGlite and a job as BullMQ hands it to the 'failed' event: what the recording is marked with.
let database: TestDatabase;
let organisationId: string;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'folkemote-job-failed-'));
  database = await createPgliteTestDatabase();
  organisationId = (await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' })).id;
});
afterAll(async () => {
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

const deps = () => ({
  db: database.db,
  log: createLogger('silent', 'test'),
  config: { worker: { workDir } },
});

/** A recording with files left in its work folder by the job that failed. */
async function recordingWithWorkFiles(title: string) {
  const { id } = await insertRecording(database.db, {
    eventId: null,
    organisationId,
    title,
    sourceKey: `raw/${title}.mp4`,
    sourceBytes: 1,
  });
  const dir = recordingWorkDir(workDir, id);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'source.mp4'), 'partial');
  return { id, dir };
}

const jobOf = (recordingId: string, attemptsMade: number) =>
  ({
    id: `recording-ingest-${recordingId}`,
    data: { recordingId },
    attemptsMade,
    opts: { attempts: 5 },
  }) as Job;
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('a job that failed', () => {
  it('marks its recording failed with the attempts it took once they are spent, and removes its files', async () => {
    const { id, dir } = await recordingWithWorkFiles('spent');
    await onJobFailed(deps(), 'recording.ingest', jobOf(id, 5), new Error('S3 answered 503 Slow Down'));
    expect(await findRecording(database.db, id)).toMatchObject({
      state: 'failed',
      failureReason: 'Processing failed after 5 attempts: S3 answered 503 Slow Down',
    });
    expect(await exists(dir)).toBe(false);
  });

  it('marks it failed with an unrecoverable error as it is, at the first attempt', async () => {
    const { id, dir } = await recordingWithWorkFiles('unrecoverable');
    await onJobFailed(deps(), 'recording.ingest', jobOf(id, 1), new UnrecoverableError('The file is empty.'));
    expect(await findRecording(database.db, id)).toMatchObject({
      state: 'failed',
      failureReason: 'The file is empty.',
    });
    expect(await exists(dir)).toBe(false);
  });

  it('leaves a recording whose job will be tried again as it is', async () => {
    const { id, dir } = await recordingWithWorkFiles('again');
    await onJobFailed(deps(), 'recording.ingest', jobOf(id, 2), new Error('S3 answered 503 Slow Down'));
    expect(await findRecording(database.db, id)).toMatchObject({ state: 'uploaded', failureReason: null });
    expect(await exists(dir)).toBe(true);
  });
});
