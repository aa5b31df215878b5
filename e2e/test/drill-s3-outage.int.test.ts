import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '@folkemote/config';
import { findRecording, upsertOrganisation } from '@folkemote/db';
import { isPostgresReachable, type TestDatabase } from '@folkemote/db/testing';
import { createLogger } from '@folkemote/logger';
import { makeClip } from '@folkemote/media/testing';
import { importRecording } from '@folkemote/pipeline';
import { createJobQueues, createRedisConnection } from '@folkemote/queue';
import type { EmbeddedS3 } from '@folkemote/storage';
import { createWorkerDeps } from '@folkemote/worker';
import { killWorkerProcess, startWorkerProcess } from '@folkemote/worker/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrillRig, startDrillRig } from './support/drill-rig.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

const postgres = await isPostgresReachable();
if (!postgres) console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the S3 outage drill is skipped');

/** As long as the issue asks: a minute. */
const outageMs = 60_000;

// Fault drill: the worker's S3 goes away for a minute in the middle of publishing the full version
// (every connection cut, every new one refused). The publish completes once it is back, and the
// public replay, watched the whole time straight from the store, never names a version whose files
// are not all there.
describe.runIf(postgres)('drill: S3 unreachable during a publish', () => {
  let rig: DrillRig;
  let tmp: string;
  let database: TestDatabase;
  let s3: EmbeddedS3;
  let proxy: TcpProxy;
  let env: Record<string, string>;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    rig = await startDrillRig('drill-s3');
    ({ tmp, database, s3 } = rig);
    // Slowed, so the publish lasts long enough to be caught in.
    proxy = await startTcpProxy(s3.endpoint, { bytesPerSecond: 3 * 1024 * 1024 });
    env = { ...rig.env, S3_ENDPOINT: proxy.url, PUBLIC_BASE_URL: `${s3.endpoint}/folkemote-public` };
  });
  afterAll(async () => {
    await killWorkerProcess(worker);
    await proxy?.close();
    await rig?.stop();
  });

  it('completes the publish after a minute without S3, never showing a partial version', async () => {
    // The test itself reaches the store directly.
    const config = loadConfig({ ...env, S3_ENDPOINT: s3.endpoint });
    const redis = createRedisConnection(config.redis.url);
    const queues = createJobQueues(redis, config.redis.queuePrefix);
    const deps = createWorkerDeps(config, database.db, queues, createLogger('warn', 'test'));
    const publicBase = `${s3.endpoint}/folkemote-public`;
    const organisationId = (
      await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' })
    ).id;

    const problems: string[] = [];
    const pointersSeen: string[] = [];
    const statesSeen = new Set<string>();
    let recordingId = '';
    let watching = true;
    const checkPointer = async () => {
      statesSeen.add((await findRecording(database.db, recordingId))?.state ?? 'none');
      const pointer = await fetch(`${publicBase}/replays/${recordingId}/replay.json`);
      if (!pointer.ok) return;
      const { prefix } = (await pointer.json()) as { prefix: string };
      if (pointersSeen.includes(prefix)) return;
      pointersSeen.push(prefix);
      const manifest = await fetch(`${publicBase}/${prefix}manifest.json`);
      if (!manifest.ok) problems.push(`${prefix}: public without manifest.json`);
      else {
        for (const file of ((await manifest.json()) as { files: string[] }).files) {
          const head = await fetch(`${publicBase}/${prefix}${file}`, { method: 'HEAD' });
          if (!head.ok) problems.push(`${prefix}${file}: missing while public`);
        }
      }
    };
    const watcher = (async () => {
      while (watching) {
        if (recordingId)
          await checkPointer().catch((err: Error) => err.name === 'TypeError' || Promise.reject(err));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    try {
      worker = startWorkerProcess(env);
      const clip = await makeClip(path.join(tmp, 'clip.mp4'), { seconds: 20, size: '640x360' });
      recordingId = (
        await importRecording(deps, {
          file: clip,
          title: 'Utan lager',
          organisationId,
          publication: 'public',
        })
      ).id;

      // The full version's files are going up.
      let inFlight: Awaited<ReturnType<typeof findRecording>> = null;
      for (const deadline = Date.now() + 90_000; ; ) {
        inFlight = await findRecording(database.db, recordingId);
        if (inFlight?.state === 'quick_published' && inFlight.progress?.stage === 'uploading') break;
        if (inFlight?.state === 'failed' || Date.now() > deadline)
          throw new Error(`never caught publishing: ${inFlight?.state} ${inFlight?.failureReason ?? ''}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      proxy.setDown(true);
      await new Promise((r) => setTimeout(r, outageMs));
      const duringOutage = await findRecording(database.db, recordingId);
      proxy.setDown(false);

      let done = duringOutage;
      for (const deadline = Date.now() + 60_000; done?.state !== 'published'; ) {
        if (done?.state === 'failed') throw new Error(`failed after the outage: ${done.failureReason}`);
        if (Date.now() > deadline) throw new Error(`not published after the outage: ${done?.state}`);
        await new Promise((r) => setTimeout(r, 200));
        done = await findRecording(database.db, recordingId);
      }
      // The watcher's round (a HEAD of every file) may still be on the quick version: give it time
      // to read the last pointer, which it must.
      for (const deadline = Date.now() + 20_000; pointersSeen.length < 2 && Date.now() < deadline; )
        await new Promise((r) => setTimeout(r, 100));
      console.info(
        `S3 outage drill: in flight ${JSON.stringify({ state: inFlight.state, progress: inFlight.progress })}, ` +
          `after ${outageMs / 1000} s ${JSON.stringify({ state: duringOutage?.state, progress: duringOutage?.progress })}, ` +
          `${proxy.refused} connections cut or refused, then ${done.state}`,
      );
    } finally {
      watching = false;
      await watcher;
      await queues.close();
      redis.disconnect();
    }

    expect(problems).toEqual([]);
    expect(statesSeen.has('failed')).toBe(false);
    expect(pointersSeen).toHaveLength(2); // the quick version, then the full one
    const { rows } = await database.db.query<{ kind: string; state: string }>(
      'select kind, state from recording_versions where recording_id = $1 order by created_at',
      [recordingId],
    );
    expect(rows).toEqual([
      { kind: 'quick', state: 'retired' },
      { kind: 'full', state: 'public' },
    ]);
    expect(await readdir(env.WORK_DIR!).catch(() => [])).toEqual([]);
  }, 170_000); // the minute of outage is most of it; a loaded runner needs the rest
});
