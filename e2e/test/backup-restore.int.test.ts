import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '@folkemote/config';
import type { Database } from '@folkemote/db';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '@folkemote/db/testing';
import { makeClip } from '@folkemote/media/testing';
import { type EmbeddedS3, startEmbeddedS3 } from '@folkemote/storage';
import { type RunningSystem, startSystem } from '@folkemote/system';
import {
  createTestApiToken,
  createTestEvent,
  registerForTest,
  startTestSystem,
  type TestSystem,
  uploadRecording,
  waitForRecording,
} from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackupCommand } from '../../apps/cli/src/backup-command.ts';
import type { BackupDeps } from '../../apps/cli/src/backup-deps.ts';
import { runRestoreCommand } from '../../apps/cli/src/restore-command.ts';

const ffprobe = promisify(execFile);
const kinds = await databaseKindsUnderTest();

/** The commands with a database that stays open for the running system (the command closes its own). */
const depsFor = (
  db: Database,
  s3: RunningSystem['deps']['s3Settings'] | ReturnType<typeof loadConfig>['s3'],
) => {
  const out: string[] = [];
  const deps: BackupDeps = {
    openDb: async () => ({ ...db, close: async () => {} }) as Database,
    s3Settings: () => s3,
    stdout: (text) => void out.push(text),
    stderr: (text) => void out.push(text),
  };
  return { deps, out };
};

// A running installation with an event, registrants, questions and a published replay is backed up,
// restored into a new database and new buckets, and a second installation started on those has it all.
describe('pnpm cli backup and restore', () => {
  let tmp: string;
  let source: TestSystem;
  let target: { database: TestDatabase; s3: EmbeddedS3; system: RunningSystem | null } | null = null;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-backup-'));
    source = await startTestSystem();
  });
  afterAll(async () => {
    await target?.system?.close();
    await target?.database.drop();
    await target?.s3.stop();
    await source?.stop();
    await rm(tmp, { recursive: true, force: true });
  });

  it('restores events, registrations, questions and playable replays into an empty installation', async () => {
    // The running installation (PGlite, in the process).
    const event = await createTestEvent(source.deps.db);
    const people = [];
    for (const n of [1, 2, 3]) {
      people.push(
        await registerForTest(source.url, event.slug, {
          name: `Person ${n}`,
          email: `person-${n}@example.no`,
        }),
      );
    }
    const asked = await fetch(`${source.url}/api/events/${event.slug}/questions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${people[0]!.joinToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Kva med kollektivtilbodet?', anonymous: false }),
    });
    expect(asked.status).toBe(201);
    const token = await createTestApiToken(source);
    const clip = await makeClip(path.join(tmp, 'clip.mp4'), { seconds: 4, size: '640x360' });
    const uploaded = await uploadRecording(
      source.url,
      await readFile(clip),
      { title: 'Opptak til sikring', filename: 'clip.mp4' },
      token,
    );
    const { id: recordingId } = (await uploaded.json()) as { id: string };
    const { recording } = await waitForRecording(
      source.url,
      recordingId,
      (r) => r.state === 'published' || r.state === 'failed',
      120_000,
      token,
    );
    expect(recording.state).toBe('published');

    // Backup while it runs.
    const backupDir = path.join(tmp, 'backup');
    const backup = depsFor(source.deps.db, source.deps.s3Settings);
    expect(await runBackupCommand([backupDir], backup.deps), backup.out.join('')).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(backupDir, 'manifest.json'), 'utf8'));
    const rowsOf = (name: string) =>
      manifest.database.tables.find((t: { name: string }) => t.name === name).rows;
    expect(rowsOf('registrations')).toBe(3);
    expect(rowsOf('questions')).toBe(1);
    const publicKeys = manifest.buckets.public.objects.map((o: { key: string }) => o.key);
    expect(publicKeys).toContain(`replays/${recordingId}/index.html`);
    expect(manifest.buckets.raw.objects.length).toBeGreaterThan(0);

    // An empty installation: a new database (PostgreSQL when it answers) and new, empty buckets.
    const database = await createTestDatabase(kinds.includes('postgres') ? 'postgres' : 'pglite');
    const s3 = await startEmbeddedS3({
      port: 0,
      dataDir: path.join(tmp, 's3-restored'),
      buckets: ['folkemote-raw', 'folkemote-public'],
      publicBuckets: ['folkemote-public'],
    });
    target = { database, s3, system: null };
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'warn',
      S3_ENDPOINT: s3.endpoint,
      LIVEKIT_STANDIN_PORT: '0',
      WORK_DIR: path.join(tmp, 'work-restored'),
      QUEUE_PREFIX: `restored-${randomBytes(4).toString('hex')}`,
      MIN_FREE_DISK_MB: '0',
      DEMO_CONTENT: 'false',
      WORKER_IN_PROCESS: 'true',
    });

    // A damaged backup is refused before anything is written.
    const damagedDir = path.join(tmp, 'damaged');
    await import('node:fs/promises').then((fs) => fs.cp(backupDir, damagedDir, { recursive: true }));
    await writeFile(path.join(damagedDir, 'database', 'questions.jsonl'), '{}\n');
    const damaged = depsFor(database.db, config.s3);
    expect(await runRestoreCommand([damagedDir], damaged.deps)).toBe(1);
    expect(damaged.out.join('')).toContain('database/questions.jsonl');
    expect((await database.db.query('select 1 from organisations')).rows).toHaveLength(0);

    const restore = depsFor(database.db, config.s3);
    expect(await runRestoreCommand([backupDir], restore.deps), restore.out.join('')).toBe(0);
    // A second restore into what is no longer empty is refused.
    const again = depsFor(database.db, config.s3);
    expect(await runRestoreCommand([backupDir], again.deps)).toBe(1);
    expect(again.out.join('')).toContain('not empty');

    // The restored installation runs and has it all.
    target.system = await startSystem(config, { db: database.db });
    const restoredUrl = target.system.url;
    for (const person of people) {
      const me = await fetch(`${restoredUrl}/api/registrations/me`, {
        headers: { authorization: `Bearer ${person.joinToken}` },
      });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { registration: { id: string } }).registration.id).toBe(person.id);
    }
    const questions = await fetch(`${restoredUrl}/api/events/${event.slug}/questions`, {
      headers: { authorization: `Bearer ${people[1]!.joinToken}` },
    });
    expect(JSON.stringify(await questions.json())).toContain('Kva med kollektivtilbodet?');
    const { recording: restored } = await waitForRecording(
      restoredUrl,
      recordingId,
      () => true,
      10_000,
      token,
    );
    expect(restored.state).toBe('published');
    const replayUrl = `${config.s3.publicBaseUrl}/replays/${recordingId}/index.html`;
    expect((await fetch(replayUrl)).status).toBe(200);
    // The search index is stored gzipped; it comes back with its Content-Encoding, so it still reads.
    const searchIndex = await fetch(`${config.s3.publicBaseUrl}/search-index.json`);
    expect(searchIndex.headers.get('content-encoding')).toBe('gzip');
    expect(
      ((await searchIndex.json()) as { replays: Array<{ id: string }> }).replays.map((r) => r.id),
    ).toContain(recordingId);
    const pointer = (await (
      await fetch(`${config.s3.publicBaseUrl}/replays/${recordingId}/replay.json`)
    ).json()) as { prefix: string };
    const { stdout } = await ffprobe('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format=duration:stream=codec_type',
      '-of',
      'json',
      `${config.s3.publicBaseUrl}/${pointer.prefix}master.m3u8`,
    ]);
    const probed = JSON.parse(stdout) as { format: { duration: string }; streams: { codec_type: string }[] };
    expect(Number(probed.format.duration)).toBeGreaterThan(3);
    expect(probed.streams.map((s) => s.codec_type)).toEqual(expect.arrayContaining(['video', 'audio']));
  });
});
