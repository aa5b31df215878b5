import { type ChildProcess, execFile } from 'node:child_process';
import { mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '@folkemote/config';
import { findRecording, upsertOrganisation } from '@folkemote/db';
import { isPostgresReachable, type TestDatabase } from '@folkemote/db/testing';
import { createLogger } from '@folkemote/logger';
import { makeClip } from '@folkemote/media/testing';
import { importRecording } from '@folkemote/pipeline';
import { createJobQueues, createRedisConnection } from '@folkemote/queue';
import { createWorkerDeps } from '@folkemote/worker';
import { killWorkerProcess, startWorkerProcess } from '@folkemote/worker/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryRecording } from '../../apps/api/src/recordings/retry-recording.ts';
import { type DrillRig, startDrillRig } from './support/drill-rig.ts';

const run = promisify(execFile);
const postgres = await isPostgresReachable();

/** A small file system of its own for the work directory: a tmpfs, which only root may mount. */
async function mountSmallDisk(dir: string, megabytes: number): Promise<boolean> {
  await mkdir(dir, { recursive: true });
  return run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]).then(
    () => true,
    () => false,
  );
}

const probeDir = await mkdtemp(path.join(os.tmpdir(), 'folkemote-drill-mount-'));
const canMount = (await mountSmallDisk(probeDir, 1)) && (await run('umount', [probeDir]).then(() => true));
await rm(probeDir, { recursive: true, force: true });
if (!postgres) console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the disk-full drill is skipped');
if (!canMount) console.warn('a tmpfs cannot be mounted here (not root?): the disk-full drill is skipped');

/** Writes zeros until the file system is full; returns the bytes written. */
async function fillDisk(file: string): Promise<number> {
  const handle = await open(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024);
  let written = 0;
  try {
    for (;;) written += (await handle.write(chunk)).bytesWritten;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    await handle.close();
  }
  return written;
}

// Fault drill: the worker's disk fills up in the middle of a transcode. The job fails with a reason
// an organiser understands, the temporary files are gone, and once there is room again the
// organiser's retry publishes the recording.
describe.runIf(postgres && canMount)('drill: the disk fills during a transcode', () => {
  let rig: DrillRig;
  let tmp: string;
  let workDir: string;
  let mounted = false;
  let database: TestDatabase;
  let env: Record<string, string>;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    rig = await startDrillRig('drill-disk');
    ({ tmp, database } = rig);
    workDir = path.join(tmp, 'disk');
    mounted = await mountSmallDisk(workDir, 160);
    env = { ...rig.env, WORK_DIR: path.join(workDir, 'work') };
  });
  afterAll(async () => {
    await killWorkerProcess(worker);
    if (mounted) await run('umount', [workDir]).catch(() => run('umount', ['-l', workDir]));
    await rig?.stop();
  });

  it('fails the job with a clear reason, leaves no files, and publishes on a retry once there is room', async () => {
    const config = loadConfig(env);
    const redis = createRedisConnection(config.redis.url);
    const queues = createJobQueues(redis, config.redis.queuePrefix);
    const deps = createWorkerDeps(config, database.db, queues, createLogger('warn', 'test'));
    const organisationId = (
      await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' })
    ).id;
    const filler = path.join(workDir, 'filler');
    try {
      worker = startWorkerProcess(env);
      const clip = await makeClip(path.join(tmp, 'clip.mp4'), { seconds: 20, size: '640x360' });
      const { id } = await importRecording(deps, {
        file: clip,
        title: 'Full disk',
        organisationId,
        publication: 'public',
      });

      let inFlight: Awaited<ReturnType<typeof findRecording>> = null;
      for (const deadline = Date.now() + 90_000; ; ) {
        inFlight = await findRecording(database.db, id);
        if (inFlight?.state === 'quick_published' && inFlight.progress?.stage === 'transcoding') break;
        if (inFlight?.state === 'failed' || Date.now() > deadline)
          throw new Error(`never caught transcoding: ${inFlight?.state} ${inFlight?.failureReason ?? ''}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const filled = await fillDisk(filler);

      let failed = await findRecording(database.db, id);
      for (const deadline = Date.now() + 90_000; failed?.state !== 'failed'; ) {
        if (failed?.state === 'published') throw new Error('published on a full disk');
        if (Date.now() > deadline) throw new Error(`did not fail: ${failed?.state}`);
        await new Promise((r) => setTimeout(r, 200));
        failed = await findRecording(database.db, id);
      }
      const leftOnDisk = (await readdir(workDir, { recursive: true })).filter((f) => !f.startsWith('filler'));
      console.info(
        `disk-full drill: in flight ${JSON.stringify({ state: inFlight.state, progress: inFlight.progress })}, ` +
          `${Math.round(filled / 1e6)} MB written to fill the disk, then ${failed.state}: "${failed.failureReason}", ` +
          `left on disk ${JSON.stringify(leftOnDisk)}`,
      );
      expect(failed.failureReason).toMatch(/disk|space/i);
      // The quick version stays public while the full one could not be made.
      expect(failed.publishedVersionId).not.toBeNull();
      expect(leftOnDisk.filter((f) => f !== 'work')).toEqual([]);

      // Room again, and the organiser retries.
      await rm(filler);
      expect(await retryRecording({ db: database.db, queues }, id, organisationId)).toBe('retried');
      let done = await findRecording(database.db, id);
      for (const deadline = Date.now() + 90_000; done?.state !== 'published'; ) {
        if (done?.state === 'failed') throw new Error(`failed on the retry: ${done.failureReason}`);
        if (Date.now() > deadline) throw new Error(`not published after the retry: ${done?.state}`);
        await new Promise((r) => setTimeout(r, 200));
        done = await findRecording(database.db, id);
      }
      const { rows } = await database.db.query<{ kind: string; state: string }>(
        `select kind, state from recording_versions where recording_id = $1 and state = 'public'`,
        [id],
      );
      expect(rows).toEqual([{ kind: 'full', state: 'public' }]);
    } finally {
      await killWorkerProcess(worker);
      await rm(filler, { force: true });
      await queues.close();
      redis.disconnect();
    }
  });
});
