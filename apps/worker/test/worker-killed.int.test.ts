import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@folkemote/config';
import { findRecording, insertRecording, type RecordingRow, upsertOrganisation } from '@folkemote/db';
import { createPostgresTestDatabase, isPostgresReachable, type TestDatabase } from '@folkemote/db/testing';
import { makeClip } from '@folkemote/media/testing';
import { createJobQueues, createRedisConnection, type JobQueues } from '@folkemote/queue';
import { createS3Client, putObject, s3SettingsFrom, startEmbeddedS3 } from '@folkemote/storage';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerProcess as launchWorkerProcess, signalWorkerGroup } from '../src/testing/index.ts';

const postgres = await isPostgresReachable();
if (!postgres)
  console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the killed-worker test is skipped');

// Two standalone worker processes one after the other: the first is killed (SIGKILL, with its
// ffmpeg) in the middle of a transcode, as a crashed machine would leave it; the second must take
// the job up again from BullMQ's stalled list and publish the recording.
describe.runIf(postgres)('a worker killed in the middle of a transcode', () => {
  let tmp: string;
  let database: TestDatabase;
  let s3: Awaited<ReturnType<typeof startEmbeddedS3>>;
  let redis: Redis;
  let queues: JobQueues;
  const workers: ChildProcess[] = [];
  let output = '';
  const env: Record<string, string> = {};

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-killed-'));
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
      QUEUE_PREFIX: `killed-${randomBytes(4).toString('hex')}`,
      WORK_DIR: path.join(tmp, 'work'),
      MIN_FREE_DISK_MB: '0',
      LOG_LEVEL: 'warn',
      // Short locks, so the test need not wait the production half-minute for the lock to lapse.
      WORKER_LOCK_DURATION_MS: '3000',
      WORKER_STALLED_INTERVAL_MS: '1000',
      FFMPEG_THREADS: '1',
    });
    const config = loadConfig(env);
    redis = createRedisConnection(config.redis.url);
    queues = createJobQueues(redis, config.redis.queuePrefix);
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) signalWorkerGroup(w, 'SIGKILL');
    await queues?.close();
    redis?.disconnect();
    await s3?.stop();
    await database?.drop();
    await rm(tmp, { recursive: true, force: true });
  });

  const startWorkerProcess = () => {
    // Its own process group, so killing the group takes ffmpeg along, as a crash of the machine would.
    const worker = launchWorkerProcess(env, { output: (chunk) => (output += chunk) });
    workers.push(worker);
    return worker;
  };
  const waitForRecording = async (id: string, done: (r: RecordingRow) => boolean, ms = 180_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const r = await findRecording(database.db, id);
      if (r && done(r)) return r;
      if (r?.state === 'failed') throw new Error(`Failed: ${r.failureReason}\n${output}`);
      if (Date.now() > deadline)
        throw new Error(`Still ${r?.state} ${JSON.stringify(r?.progress)}:\n${output}`);
      await new Promise((res) => setTimeout(res, 100));
    }
  };

  const transcodeJobAfterItSettles = async (jobId: string, ms = 20_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const job = await queues.queue('recording.transcode').getJob(jobId);
      const state = await job?.getState();
      if (!job || state === 'failed' || Date.now() > deadline) return job;
      await new Promise((res) => setTimeout(res, 100));
    }
  };

  it('is picked up again by the next worker, which publishes the recording', async () => {
    const organisationId = (
      await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' })
    ).id;
    const clip = await makeClip(path.join(tmp, 'clip.mp4'), { seconds: 40, size: '1280x720' });
    const key = `raw/${randomUUID()}/source.mp4`;
    const s3Client = createS3Client(s3SettingsFrom(loadConfig(env)));
    await putObject(s3Client, { bucket: 'folkemote-raw', key, body: await readFile(clip) });
    const { id } = await insertRecording(database.db, {
      eventId: null,
      organisationId,
      title: 'Opptak',
      sourceKey: key,
      sourceBytes: null,
    });

    const first = startWorkerProcess();
    await queues.enqueue('recording.ingest', { recordingId: id });
    // The quick version is out and the full transcode is under way.
    const midway = await waitForRecording(
      id,
      (r) => r.state === 'quick_published' && r.progress?.stage === 'transcoding' && r.progress.percent > 0,
    );
    const exited = new Promise((res) => first.once('exit', res));
    process.kill(-first.pid!, 'SIGKILL');
    await exited;
    const transcode = await queues.queue('recording.transcode').getJob(`recording-transcode-${id}`);
    const stateAfterKill = await transcode?.getState();

    // Nothing moves while no worker runs.
    await new Promise((res) => setTimeout(res, 2000));
    const still = await findRecording(database.db, id);
    expect(still?.state).toBe('quick_published');
    expect(still?.progress?.stage).toBe('transcoding');

    startWorkerProcess();
    const done = await waitForRecording(id, (r) => r.state === 'published');
    expect(midway.progress!.percent).toBeLessThan(100);
    expect(stateAfterKill).toBe('active');
    expect(done.publishedVersionId).not.toBeNull();
    expect(done.failureReason).toBeNull();
    // Finished jobs are removed; the one that was killed did not end up failed. The recording is
    // published inside the job, so the job itself is removed a moment after.
    expect(await transcodeJobAfterItSettles(`recording-transcode-${id}`)).toBeUndefined();
  }, 300_000);
});
