import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countRegistrations } from '@folkemote/db';
import { createPostgresTestDatabase, isPostgresReachable, type TestDatabase } from '@folkemote/db/testing';
import { createJobQueues, createRedisConnection } from '@folkemote/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvent, postRegistration, registrationBody } from '../src/testing/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const postgres = await isPostgresReachable();
if (!postgres) console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the API crash test is skipped');

// The API as a process of its own (as in production, with PostgreSQL), so it can be SIGKILLed mid-burst.
describe.runIf(postgres)('an API process killed in the middle of a registration burst', () => {
  let tmp: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  let api: ChildProcess | null = null;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-registration-crash-'));
    database = await createPostgresTestDatabase();
    env = {
      DATABASE_URL: database.url!,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `crash-${randomBytes(4).toString('hex')}`,
      PORT: '0',
      S3_EMBEDDED_PORT: '0',
      S3_DATA_DIR: path.join(tmp, 's3'),
      WORK_DIR: path.join(tmp, 'work'),
      LIVEKIT_STANDIN_PORT: '0',
      MIN_FREE_DISK_MB: '0',
      DEMO_CONTENT: 'false',
      WORKER_IN_PROCESS: 'false',
      REGISTRATION_RATE_LIMIT: '1000000',
      LOG_LEVEL: 'info',
    };
  });
  afterAll(async () => {
    killGroup(api);
    const redis = createRedisConnection(env.REDIS_URL!);
    const keys = await redis.keys(`${env.QUEUE_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await database?.drop();
    await rm(tmp, { recursive: true, force: true });
  });

  const killGroup = (child: ChildProcess | null) => {
    if (child?.pid && child.exitCode === null && child.signalCode === null)
      process.kill(-child.pid, 'SIGKILL');
  };

  /** Starts `pnpm start` of the API in its own process group; resolves with its URL once it listens. */
  const startApi = () =>
    new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'system/src/main.ts'], {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
        detached: true,
      });
      let buffered = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        for (const line of buffered.split('\n').slice(0, -1)) {
          try {
            const entry = JSON.parse(line) as { msg?: string; url?: string };
            if (entry.msg === 'Folkemøte is running' && entry.url) resolve({ child, url: entry.url });
          } catch {
            // The banner and other plain text.
          }
        }
        buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
      });
      child.once('exit', (code) => reject(new Error(`the API exited with ${code} before it listened`)));
    });

  it('leaves no answered registration without its confirmation e-mail', async () => {
    const event = await createTestEvent(database.db, { capacity: 50, waitlistEnabled: true });
    const first = await startApi();
    api = first.child;

    // Kill the process as soon as some registrations have been answered, with most still under way.
    const answered: string[] = [];
    let killed = false;
    await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        try {
          const response = await postRegistration(first.url, event.slug, registrationBody(`krasj-${i}`));
          if (response.status !== 201) return;
          answered.push(((await response.json()) as { id: string }).id);
          if (answered.length >= 40 && !killed) {
            killed = true;
            killGroup(api);
          }
        } catch {
          // Cut off by the kill.
        }
      }),
    );
    expect(killed).toBe(true);
    await new Promise((r) =>
      api!.exitCode === null && api!.signalCode === null ? api!.once('exit', r) : r(null),
    );
    // The crash hit while confirmations were still waiting in the outbox.
    const left = await database.db.query('select 1 from registration_outbox');
    expect(left.rows.length).toBeGreaterThan(0);

    // The next process hands on what the first left behind.
    const second = await startApi();
    api = second.child;
    const redis = createRedisConnection(env.REDIS_URL!);
    const queues = createJobQueues(redis, env.QUEUE_PREFIX!);
    try {
      const queued = async () =>
        new Set(
          (await queues.queue('registration.email').getJobs(['waiting'])).map(
            (j) => (j.data as { registrationId: string; kind: string }).registrationId,
          ),
        );
      // Every registration written, answered or cut off before its answer, gets its confirmation: at
      // once from the new process's first sweep, or, for entries a hand-off in the killed process had
      // claimed, once that claim has run out (30 s) and a later sweep (every 10 s) comes round.
      const { rows: written } = await database.db.query<{ id: string }>(
        'select id from registrations where event_id = $1',
        [event.id],
      );
      const writtenIds = written.map((r) => r.id);
      expect(writtenIds).toEqual(expect.arrayContaining(answered));
      await expect
        .poll(
          async () => {
            const ids = await queued();
            return writtenIds.filter((id) => !ids.has(id));
          },
          { timeout: 90_000, interval: 200 },
        )
        .toEqual([]);
      // And the outbox empties: entries whose jobs the killed process had queued without deleting
      // them are handed on again (adding nothing, the job ids are taken) once their claim runs out.
      await expect
        .poll(async () => (await database.db.query('select 1 from registration_outbox')).rows.length, {
          timeout: 90_000,
          interval: 500,
        })
        .toBe(0);
    } finally {
      await queues.close();
      redis.disconnect();
    }
    // And the seats add up: nothing overbooked, the count on the event matches the rows.
    const counts = await countRegistrations(database.db, event.id);
    expect(counts.confirmed).toBeLessThanOrEqual(50);
    const { rows } = await database.db.query<{ confirmed_count: number }>(
      'select confirmed_count from events where id = $1',
      [event.id],
    );
    expect(rows[0]!.confirmed_count).toBe(counts.confirmed);
  }, 240_000);
});
