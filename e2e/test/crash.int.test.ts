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
import { killWorkerProcess, signalWorkerGroup, startWorkerProcess } from '@folkemote/worker/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrillRig, startDrillRig } from './support/drill-rig.ts';

const postgres = await isPostgresReachable();
if (!postgres) console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the worker crash test is skipped');

// The worker is a separate process here (as in production, with PostgreSQL), so it can be SIGKILLed.
describe.runIf(postgres)('a worker killed in the middle of a transcode', () => {
  let rig: DrillRig;
  let tmp: string;
  let database: TestDatabase;
  let s3: EmbeddedS3;
  let env: Record<string, string>;
  let worker: ChildProcess | null = null;
  let organisationId: string;

  beforeAll(async () => {
    rig = await startDrillRig('crash', {
      WORKER_LOCK_DURATION_MS: '3000',
      WORKER_STALLED_INTERVAL_MS: '1000',
    });
    ({ tmp, database, s3, env } = rig);
    organisationId = (await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' })).id;
  });
  afterAll(async () => {
    signalWorkerGroup(worker, 'SIGKILL');
    await rig?.stop();
  });

  const waitFor = async (
    id: string,
    done: (r: Awaited<ReturnType<typeof findRecording>>) => boolean,
    timeoutMs = 180_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await findRecording(database.db, id);
      if (done(r)) return r!;
      if (r?.state === 'failed') throw new Error(`failed: ${r.failureReason}`);
      if (Date.now() > deadline)
        throw new Error(`timed out in state ${r?.state} (${JSON.stringify(r?.progress)})`);
      await new Promise((res) => setTimeout(res, 100));
    }
  };
  // The full transcode has begun (the quick version is public). It runs for several seconds on
  // this clip, so a kill sent on first sight lands well before its end.
  const transcoding = (r: Awaited<ReturnType<typeof findRecording>>) =>
    r?.progress?.stage === 'transcoding' && r.state === 'quick_published';

  // Long enough at 720p that the full ladder takes seconds even on a fast machine.
  const longClip = () => makeClip(path.join(tmp, 'long.mp4'), { seconds: 60, size: '1280x720' });

  it('resumes after a restart, and no partial version ever becomes public', async () => {
    const config = loadConfig(env);
    const redis = createRedisConnection(config.redis.url);
    const queues = createJobQueues(redis, config.redis.queuePrefix);
    const deps = createWorkerDeps(config, database.db, queues, createLogger('warn', 'test'));
    const publicBase = `${s3.endpoint}/folkemote-public`;

    // Watch the public pointer the whole time: whenever it names a version, every file of that
    // version must already be there.
    const problems: string[] = [];
    const pointersSeen = new Set<string>();
    let watching = true;
    let recordingId = '';
    const checkPointer = async () => {
      const pointer = await fetch(`${publicBase}/replays/${recordingId}/replay.json`);
      if (!pointer.ok) return false;
      const { prefix } = (await pointer.json()) as { prefix: string };
      if (pointersSeen.has(prefix)) return true;
      const manifest = await fetch(`${publicBase}/${prefix}manifest.json`);
      if (!manifest.ok) problems.push(`${prefix}: public without manifest.json`);
      else {
        for (const file of ((await manifest.json()) as { files: string[] }).files) {
          const head = await fetch(`${publicBase}/${prefix}${file}`, { method: 'HEAD' });
          if (!head.ok) problems.push(`${prefix}${file}: missing while public`);
        }
      }
      pointersSeen.add(prefix);
      return true;
    };
    const watcher = (async () => {
      while (watching) {
        // A connection the loaded machine drops is not a missing file: the same pointer is checked again.
        if (recordingId)
          await checkPointer().catch((err: Error) => err.name === 'TypeError' || Promise.reject(err));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    try {
      worker = startWorkerProcess(env);
      const clip = await longClip();
      recordingId = (
        await importRecording(deps, { file: clip, title: 'Krasjtest', organisationId, publication: 'public' })
      ).id;

      // Kill the worker once the full transcode is well under way.
      await waitFor(recordingId, (r) => transcoding(r) && r!.progress!.percent >= 10);
      const killed = new Promise((r) => worker!.once('exit', r));
      signalWorkerGroup(worker, 'SIGKILL');
      await killed;
      expect((await findRecording(database.db, recordingId))?.state).toBe('quick_published');

      worker = startWorkerProcess(env);
      await waitFor(recordingId, (r) => r?.state === 'published');
      await new Promise((r) => setTimeout(r, 500)); // let the watcher see the last pointer
    } finally {
      watching = false;
      await watcher;
      await queues.close();
      redis.disconnect();
    }

    expect(problems).toEqual([]);
    expect(pointersSeen.size).toBe(2); // the quick version, then the full one
    const { rows } = await database.db.query<{ kind: string; state: string }>(
      'select kind, state from recording_versions where recording_id = $1 order by created_at',
      [recordingId],
    );
    // The interrupted full version was resumed, not duplicated.
    expect(rows).toEqual([
      { kind: 'quick', state: 'retired' },
      { kind: 'full', state: 'public' },
    ]);
    // Temporary files are gone.
    expect(await readdir(env.WORK_DIR!).catch(() => [])).toEqual([]);
  });

  it('stops on SIGTERM without failing the job or leaving files, and the job resumes', async () => {
    const config = loadConfig(env);
    const redis = createRedisConnection(config.redis.url);
    const queues = createJobQueues(redis, config.redis.queuePrefix);
    const deps = createWorkerDeps(config, database.db, queues, createLogger('warn', 'test'));
    try {
      // A short grace: the running transcode is aborted and handed back rather than finished.
      env.WORKER_SHUTDOWN_GRACE_MS = '200';
      // Only this test's worker may take the job back up, so the earlier one goes first.
      await killWorkerProcess(worker);
      worker = startWorkerProcess(env);
      const clip = path.join(tmp, 'long.mp4');
      const { id } = await importRecording(deps, {
        file: clip,
        title: 'Stopptest',
        organisationId,
        publication: 'public',
      });
      await waitFor(id, transcoding);
      const exited = new Promise<number | null>((r) => worker!.once('exit', (code) => r(code)));
      worker.kill('SIGTERM');
      expect(await exited).toBe(0);
      // Handed back, not failed, and nothing left on disk.
      const after = await findRecording(database.db, id);
      expect(after?.state).toBe('quick_published');
      expect(await readdir(env.WORK_DIR!).catch(() => [])).toEqual([]);

      worker = startWorkerProcess(env);
      await waitFor(id, (r) => r?.state === 'published');
      const { rows } = await database.db.query<{ kind: string; state: string }>(
        'select kind, state from recording_versions where recording_id = $1 order by created_at',
        [id],
      );
      expect(rows.map((r) => r.kind)).toEqual(['quick', 'full']);
    } finally {
      delete env.WORKER_SHUTDOWN_GRACE_MS;
      await queues.close();
      redis.disconnect();
    }
  });
});
