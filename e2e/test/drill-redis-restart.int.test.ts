import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '@folkemote/config';
import { findRecording, upsertOrganisation } from '@folkemote/db';
import { isPostgresReachable, type TestDatabase } from '@folkemote/db/testing';
import { createLogger } from '@folkemote/logger';
import { makeClip } from '@folkemote/media/testing';
import { importRecording } from '@folkemote/pipeline';
import { createJobQueues, createRedisConnection, type JobName, reportRedisOutages } from '@folkemote/queue';
import { startTestSmtpServer, type TestSmtpServer } from '@folkemote/registration/testing';
import { type RunningSystem, startSystem } from '@folkemote/system';
import { createTestEvent, registerForTest } from '@folkemote/system/testing';
import { createWorkerDeps } from '@folkemote/worker';
import { killWorkerProcess, startWorkerProcess } from '@folkemote/worker/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrillRig, startDrillRig } from './support/drill-rig.ts';
import { type PrivateRedis, startPrivateRedis } from './support/private-redis.ts';

const postgres = await isPostgresReachable();
if (!postgres)
  console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the Redis restart drill is skipped');

const watched: JobName[] = [
  'recording.ingest',
  'recording.quick',
  'recording.transcode',
  'registration.email',
  'registration.reminder',
];
const registrantsPerEvent = 12;
const redisDownMs = 5_000;

// Fault drill: Redis, run as production runs it (append-only file), is SIGKILLed and started again
// while transcodes run, confirmation e-mails go out and reminders wait. Every job is done once: each
// recording published with one version of each kind, each registrant's e-mails received exactly once.
describe.runIf(postgres)('drill: Redis killed and restarted', () => {
  let rig: DrillRig;
  let tmp: string;
  let redis: PrivateRedis;
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let api: RunningSystem;
  let worker: ChildProcess | null = null;
  let env: Record<string, string>;

  beforeAll(async () => {
    rig = await startDrillRig('drill-redis');
    ({ tmp, database } = rig);
    await mkdir(path.join(tmp, 'redis'));
    redis = await startPrivateRedis(path.join(tmp, 'redis'));
    smtp = await startTestSmtpServer();
    env = { ...rig.env, REDIS_URL: redis.url, SMTP_URL: smtp.url };
    api = await startSystem(
      loadConfig({
        ...env,
        PORT: '0',
        WORK_DIR: path.join(tmp, 'api-work'),
        DEMO_CONTENT: 'false',
        WORKER_IN_PROCESS: 'false',
        REGISTRATION_RATE_LIMIT: '10000',
        LIVEKIT_STANDIN_PORT: '0',
      }),
      { db: database.db },
    );
  });
  afterAll(async () => {
    await killWorkerProcess(worker);
    await api?.close();
    await smtp?.close();
    await redis?.stop();
    await rig?.stop();
  });

  it('loses no job and runs none twice to a visible effect', async () => {
    const config = loadConfig(env);
    const connection = createRedisConnection(config.redis.url);
    reportRedisOutages(connection, { down: () => {}, back: () => {} });
    const queues = createJobQueues(connection, config.redis.queuePrefix);
    const deps = createWorkerDeps(config, database.db, queues, createLogger('warn', 'test'));
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          watched.map(async (name) => [
            name,
            await queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed'),
          ]),
        ),
      );
    try {
      worker = startWorkerProcess(env);
      const organisationId = (
        await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' })
      ).id;
      const clip = await makeClip(path.join(tmp, 'clip.mp4'), { seconds: 30, size: '640x360' });
      const recordings = [];
      for (const title of ['Drill 1', 'Drill 2'])
        recordings.push(
          (await importRecording(deps, { file: clip, title, organisationId, publication: 'public' })).id,
        );

      // Soon: its 1-hour reminders fall due some seconds after Redis is back. Later: both reminders wait.
      const soon = await createTestEvent(database.db);
      await database.db.query(
        `update events set starts_at = now() + interval '1 hour 25 seconds', ends_at = now() + interval '2 hours' where id = $1`,
        [soon.id],
      );
      const later = await createTestEvent(database.db);
      // A transcode is running when the registrations come.
      for (;;) {
        const r = await findRecording(database.db, recordings[0]!);
        if (r?.progress?.stage === 'transcoding') break;
        if (r?.state === 'failed') throw new Error(`failed: ${r.failureReason}`);
        await new Promise((res) => setTimeout(res, 50));
      }
      const people = (slug: string, tag: string) =>
        Array.from({ length: registrantsPerEvent }, (_, i) => ({
          name: `Deltaker ${i}`,
          email: `${tag}-${i}@example.no`,
          slug,
        }));
      const everyone = [...people(soon.slug, 'snart'), ...people(later.slug, 'seinare')];
      await Promise.all(everyone.map((p) => registerForTest(api.url, p.slug, p)));
      // The confirmations are being handed on and sent; wait for the first to arrive, then kill.
      await smtp.waitFor(() => true, 20_000);

      const before = { jobs: await counts(), mailsReceived: smtp.received.length };
      const delayedBefore = (await queues.queue('registration.reminder').getDelayed())
        .map((j) => j.id)
        .sort();
      await redis.kill();
      await new Promise((res) => setTimeout(res, redisDownMs));
      await redis.start();

      // Everything finishes: both recordings published, every confirmation and every due reminder sent.
      const expectedMails = everyone.length + registrantsPerEvent;
      const deadline = Date.now() + 100_000;
      for (;;) {
        const states = await Promise.all(
          recordings.map(async (id) => (await findRecording(database.db, id))?.state),
        );
        if (states.includes('failed')) throw new Error(`a recording failed: ${states}`);
        if (states.every((s) => s === 'published') && smtp.received.length >= expectedMails) break;
        if (Date.now() > deadline)
          throw new Error(`not done: ${states}, ${smtp.received.length} of ${expectedMails} e-mails`);
        await new Promise((res) => setTimeout(res, 250));
      }
      // A duplicate would come within the stalled-job check's period; give it time to show.
      await new Promise((res) => setTimeout(res, 3_000));
      const after = { jobs: await counts(), mailsReceived: smtp.received.length };
      console.info(
        `Redis restart drill: in flight ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
      );

      // Nothing lost, nothing twice.
      const perAddress = new Map<string, number>();
      for (const mail of smtp.received)
        for (const to of mail.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
      for (const p of everyone) expect(perAddress.get(p.email), p.email).toBe(p.slug === soon.slug ? 2 : 1);
      expect(smtp.received).toHaveLength(expectedMails);
      for (const name of watched) expect(after.jobs[name]!.failed, name).toBe(0);
      // The later event's reminders are still waiting, all of them.
      const delayedAfter = (await queues.queue('registration.reminder').getDelayed()).map((j) => j.id).sort();
      expect(delayedAfter).toHaveLength(registrantsPerEvent * 2);
      expect(delayedAfter).toEqual(delayedBefore.filter((id) => delayedAfter.includes(id)));
      for (const id of recordings) {
        const { rows } = await database.db.query<{ kind: string; state: string }>(
          'select kind, state from recording_versions where recording_id = $1 order by created_at',
          [id],
        );
        expect(rows).toEqual([
          { kind: 'quick', state: 'retired' },
          { kind: 'full', state: 'public' },
        ]);
      }
    } finally {
      await killWorkerProcess(worker);
      await queues.close();
      connection.disconnect();
    }
  });
});
