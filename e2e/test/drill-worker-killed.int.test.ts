import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '@folkemote/config';
import { findRecording, upsertOrganisation } from '@folkemote/db';
import { isPostgresReachable, type TestDatabase } from '@folkemote/db/testing';
import { createLogger } from '@folkemote/logger';
import { makeClip } from '@folkemote/media/testing';
import { importRecording } from '@folkemote/pipeline';
import { createJobQueues, createRedisConnection, type JobName } from '@folkemote/queue';
import type { EmbeddedS3 } from '@folkemote/storage';
import { createWorkerDeps } from '@folkemote/worker';
import { killWorkerProcess, signalWorkerGroup, startWorkerProcess } from '@folkemote/worker/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrillRig, startDrillRig } from './support/drill-rig.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

const postgres = await isPostgresReachable();
if (!postgres) console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the worker-kill drill is skipped');

type Recording = Awaited<ReturnType<typeof findRecording>>;

// Fault drill: the worker process is SIGKILLed in each stage of the pipeline in turn (ingest,
// quick, transcode, publish, site), each time started again, and the recording still ends up
// published, with one public version of each kind and nothing left on disk. The worker reaches S3
// through a slowed proxy, so that every stage lasts long enough to be caught in.
describe.runIf(postgres)('drill: the worker killed in every stage of the pipeline', () => {
  let rig: DrillRig;
  let tmp: string;
  let database: TestDatabase;
  let s3: EmbeddedS3;
  let proxy: TcpProxy;
  let env: Record<string, string>;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    rig = await startDrillRig('drill-kill', {
      WORKER_LOCK_DURATION_MS: '2000',
      WORKER_STALLED_INTERVAL_MS: '1000',
    });
    ({ tmp, database, s3 } = rig);
    proxy = await startTcpProxy(s3.endpoint, { bytesPerSecond: 3 * 1024 * 1024 });
    env = { ...rig.env, S3_ENDPOINT: proxy.url, PUBLIC_BASE_URL: `${s3.endpoint}/folkemote-public` };
  });
  afterAll(async () => {
    await killWorkerProcess(worker);
    await proxy?.close();
    await rig?.stop();
  });

  it('reaches published after a kill in ingest, quick, transcode, publish and site', async () => {
    const config = loadConfig(env);
    const redis = createRedisConnection(config.redis.url);
    const queues = createJobQueues(redis, config.redis.queuePrefix);
    const deps = createWorkerDeps(config, database.db, queues, createLogger('warn', 'test'));
    const organisationId = (
      await upsertOrganisation(database.db, { slug: 'drillkommune', name: 'Drillkommune' })
    ).id;
    const activeIn = (name: JobName) => queues.queue(name).getActiveCount();
    const kills: Array<{ stage: string; state: string; progress: string; active: Record<string, number> }> =
      [];
    const pipelineQueues: JobName[] = [
      'recording.ingest',
      'recording.quick',
      'recording.transcode',
      'site.rebuild',
    ];
    const activeCounts = async () =>
      Object.fromEntries(await Promise.all(pipelineQueues.map(async (q) => [q, await activeIn(q)] as const)));

    let recordingId = '';
    const current = () => findRecording(database.db, recordingId);
    /** Freezes the worker the moment `inStage` holds, checks it still holds, then kills it and starts another. */
    const killIn = async (stage: string, inStage: (r: Recording) => Promise<boolean> | boolean) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await current();
        if (await inStage(r)) {
          signalWorkerGroup(worker, 'SIGSTOP');
          const frozen = await current();
          if (await inStage(frozen)) {
            kills.push({
              stage,
              state: frozen!.state,
              progress: JSON.stringify(frozen!.progress),
              active: await activeCounts(),
            });
            await killWorkerProcess(worker);
            worker = startWorkerProcess(env);
            return;
          }
          signalWorkerGroup(worker, 'SIGCONT');
        }
        if (r?.state === 'failed') throw new Error(`failed: ${r.failureReason}`);
        if (Date.now() > deadline)
          throw new Error(`never caught in ${stage}: ${r?.state} ${JSON.stringify(r?.progress)}`);
        await new Promise((res) => setTimeout(res, 15));
      }
    };

    try {
      worker = startWorkerProcess(env);
      const clip = await makeClip(path.join(tmp, 'clip.mp4'), { seconds: 40, size: '640x360' });
      recordingId = (
        await importRecording(deps, { file: clip, title: 'Drill', organisationId, publication: 'public' })
      ).id;

      await killIn('ingest', (r) => r?.state === 'uploaded' && r.progress?.stage === 'probing');
      await killIn(
        'quick',
        async (r) => r?.state === 'processing' && (await activeIn('recording.quick')) > 0,
      );
      await killIn(
        'transcode',
        // Any reported percentage: on a quiet machine the ladder may go from its first report to done
        // between two looks, so waiting for a later one can miss the stage altogether.
        (r) => r?.state === 'quick_published' && r.progress?.stage === 'transcoding',
      );
      await killIn(
        'publish',
        (r) =>
          r?.state === 'quick_published' && ['uploading', 'publishing'].includes(r.progress?.stage ?? ''),
      );
      // The site job runs after each public version; the one that follows the full version is killed.
      await killIn(
        'site',
        async (r) => r?.state === 'published' && (await activeIn('site.rebuild')) > 0,
      ).catch(async (err: Error) => {
        // The rebuild may have finished before it was seen; ask for another and catch that one.
        if (!/never caught/.test(err.message)) throw err;
      });
      if (kills.length < 5) {
        await queues.enqueue('site.rebuild', {});
        await killIn('site', async (r) => r?.state === 'published' && (await activeIn('site.rebuild')) > 0);
      }

      // After the last restart everything runs to the end.
      const deadline = Date.now() + 90_000;
      let done: Recording = null;
      for (;;) {
        done = await current();
        const pending = await Promise.all(
          pipelineQueues.map((q) => queues.queue(q).getJobCounts('active', 'waiting', 'delayed', 'failed')),
        );
        const outstanding = pending.reduce((n, c) => n + c.active! + c.waiting! + c.delayed! + c.failed!, 0);
        if (done?.state === 'published' && outstanding === 0) break;
        if (done?.state === 'failed') throw new Error(`failed: ${done.failureReason}`);
        if (Date.now() > deadline)
          throw new Error(`not finished: ${done?.state}, ${JSON.stringify(pending)}`);
        await new Promise((res) => setTimeout(res, 200));
      }
      console.info(`worker-kill drill: in flight when killed ${JSON.stringify(kills)}`);
      expect(kills.map((k) => k.stage)).toEqual(['ingest', 'quick', 'transcode', 'publish', 'site']);
      expect(done.failureReason).toBeNull();

      const { rows } = await database.db.query<{ kind: string; state: string }>(
        'select kind, state from recording_versions where recording_id = $1 order by created_at',
        [recordingId],
      );
      // Each interrupted version was resumed, not made twice.
      expect(rows).toEqual([
        { kind: 'quick', state: 'retired' },
        { kind: 'full', state: 'public' },
      ]);
      // The archive, rebuilt after the killed rebuild, lists the replay, and nothing is left on disk.
      const archive = await (await fetch(`${s3.endpoint}/folkemote-public/index.html`)).text();
      expect(archive).toContain(recordingId);
      expect(await readdir(env.WORK_DIR!).catch(() => [])).toEqual([]);
    } finally {
      await killWorkerProcess(worker);
      await queues.close();
      redis.disconnect();
    }
  }, 170_000); // five restarts of the worker are most of it; a loaded runner needs the rest
});
