import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@folkemote/config';
import { findRecording, insertRecording, type RecordingRow, upsertOrganisation } from '@folkemote/db';
import { createPostgresTestDatabase, isPostgresReachable, type TestDatabase } from '@folkemote/db/testing';
import { createJobQueues, createRedisConnection, type JobQueues } from '@folkemote/queue';
import { createS3Client, putObject, s3SettingsFrom, startEmbeddedS3 } from '@folkemote/storage';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const postgres = await isPostgresReachable();
if (!postgres)
  console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the worker failure test is skipped');

// The standalone worker process (PostgreSQL, as in production), so a rejection nobody catches
// would end it, as it would in production.
describe.runIf(postgres)('a worker whose database fails while it marks a recording failed', () => {
  let tmp: string;
  let database: TestDatabase;
  let s3: Awaited<ReturnType<typeof startEmbeddedS3>>;
  let redis: Redis;
  let queues: JobQueues;
  let worker: ChildProcess | null = null;
  let output = '';
  let organisationId: string;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-failure-'));
    database = await createPostgresTestDatabase();
    s3 = await startEmbeddedS3({
      port: 0,
      dataDir: path.join(tmp, 's3'),
      buckets: ['folkemote-raw', 'folkemote-public'],
      publicBuckets: ['folkemote-public'],
    });
    Object.assign(env, {
      DATABASE_URL: database.url!,
      REDIS_URL: 'redis://127.0.0.1:6379',
      S3_ENDPOINT: s3.endpoint,
      QUEUE_PREFIX: `failure-${randomBytes(4).toString('hex')}`,
      WORK_DIR: path.join(tmp, 'work'),
      MIN_FREE_DISK_MB: '0',
      LOG_LEVEL: 'warn',
    });
    const config = loadConfig(env);
    redis = createRedisConnection(config.redis.url);
    queues = createJobQueues(redis, config.redis.queuePrefix);
    organisationId = (await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' })).id;
    // The database rejects the first write that marks a recording failed after its job gave up,
    // as a database restarting at that moment would; every later one goes through.
    await database.db.query('create sequence failed_marks');
    await database.db.query(`create function reject_first_failed_mark() returns trigger language plpgsql as $$
      begin
        if new.state = 'failed' and new.failure_reason like 'Processing failed after%'
           and nextval('failed_marks') = 1 then
          raise exception 'the database is restarting';
        end if;
        return new;
      end $$`);
    await database.db.query(
      'create trigger reject_first_failed_mark before update on recordings for each row execute function reject_first_failed_mark()',
    );
  });
  afterAll(async () => {
    if (worker?.pid && worker.exitCode === null) process.kill(-worker.pid, 'SIGKILL');
    await queues?.close();
    redis?.disconnect();
    await s3?.stop();
    await database?.drop();
    await rm(tmp, { recursive: true, force: true });
  });

  const recordingOf = async (sourceKey: string) => {
    const { id } = await insertRecording(database.db, {
      eventId: null,
      organisationId,
      title: 'Opptak',
      sourceKey,
      sourceBytes: null,
    });
    await queues.enqueue('recording.ingest', { recordingId: id });
    return id;
  };
  const waitForState = async (id: string, done: (r: RecordingRow | null) => boolean) => {
    const deadline = Date.now() + 100_000;
    for (;;) {
      const r = await findRecording(database.db, id);
      if (done(r)) return r!;
      if (worker?.exitCode !== null) throw new Error(`The worker exited (${worker?.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`Still ${r?.state}:\n${output}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  };

  it('survives, logs it, still ends the recording failed, and goes on with the next job', async () => {
    worker = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    worker.stdout!.on('data', (chunk) => (output += chunk));
    worker.stderr!.on('data', (chunk) => (output += chunk));

    // The source is not in the bucket: every attempt fails, then the job gives up.
    const missing = await recordingOf(`raw/${randomUUID()}/source.mp4`);
    const failed = await waitForState(missing, (r) => r?.state === 'failed');
    expect(failed.failureReason).toMatch(/^Processing failed after 5 attempts: /);
    const { rows } = await database.db.query<{ last_value: string }>('select last_value from failed_marks');
    expect(Number(rows[0]!.last_value)).toBe(2);
    expect(output).toContain('marking the recording failed went wrong; trying again');

    // Still running, and still taking jobs.
    expect(worker.exitCode).toBeNull();
    const key = `raw/${randomUUID()}/source.mp4`;
    const s3Client = createS3Client(s3SettingsFrom(loadConfig(env)));
    await putObject(s3Client, { bucket: 'folkemote-raw', key, body: 'ikke en video\n' });
    const next = await waitForState(await recordingOf(key), (r) => r?.state === 'failed');
    expect(next.failureReason).toMatch(/not a video or audio recording/i);
    expect(worker.exitCode).toBeNull();
  });
});
