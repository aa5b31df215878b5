import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPostgresTestDatabase, isPostgresReachable, type TestDatabase } from '@folkemote/db/testing';
import { createRedisConnection } from '@folkemote/queue';
import { startEmbeddedS3 } from '@folkemote/storage';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestEvent,
  type RunningProcess,
  registerForTest,
  startApiProcess,
  stopProcess,
} from '../src/testing/index.ts';
import { type RoundRobinProxy, startRoundRobinProxy } from './support/round-robin-proxy.ts';

const postgres = await isPostgresReachable();
if (!postgres)
  console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the rolling restart test is skipped');

const VIEWERS = 12;

interface Viewer {
  source: EventSource;
  events: Array<{ event: string; id: number }>;
}

/** A registrant's Q&A stream through the proxy, followed as a browser's EventSource follows it. */
function follow(url: string, token: string): Viewer {
  const viewer: Viewer = {
    source: new EventSource(url, {
      fetch: (input, init) =>
        fetch(input, { ...init, headers: { ...init?.headers, authorization: `Bearer ${token}` } }),
    }),
    events: [],
  };
  for (const event of ['snapshot', 'question', 'settings', 'reconnect'])
    viewer.source.addEventListener(event, (e) => viewer.events.push({ event, id: Number(e.lastEventId) }));
  return viewer;
}

// Two API processes behind a load balancer; each is stopped with SIGTERM and started again in turn.
describe.runIf(postgres)('a rolling restart of the API', () => {
  let tmp: string;
  let database: TestDatabase;
  let s3: Awaited<ReturnType<typeof startEmbeddedS3>>;
  let env: Record<string, string>;
  const apis: RunningProcess[] = [];
  let proxy: RoundRobinProxy;
  const viewers: Viewer[] = [];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-rolling-'));
    database = await createPostgresTestDatabase();
    s3 = await startEmbeddedS3({
      port: 0,
      dataDir: path.join(tmp, 's3'),
      buckets: ['folkemote-raw', 'folkemote-public'],
      publicBuckets: ['folkemote-public'],
    });
    env = {
      DATABASE_URL: database.url!,
      REDIS_URL: 'redis://127.0.0.1:6379',
      S3_ENDPOINT: s3.endpoint,
      QUEUE_PREFIX: `rolling-${randomBytes(4).toString('hex')}`,
      PORT: '0',
      WORK_DIR: path.join(tmp, 'work'),
      LIVEKIT_STANDIN_PORT: '0',
      DEMO_CONTENT: 'false',
      WORKER_IN_PROCESS: 'false',
      REGISTRATION_RATE_LIMIT: '1000000',
      QA_QUESTIONS_PER_MINUTE: '10000',
      LOG_LEVEL: 'info',
    };
    apis.push(...(await Promise.all([startApiProcess(env), startApiProcess(env)])));
    proxy = await startRoundRobinProxy(() => apis.map((api) => api.ready.url as string));
  });
  afterAll(async () => {
    for (const viewer of viewers) viewer.source.close();
    await proxy?.close();
    await Promise.all(apis.map((api) => stopProcess(api)));
    const redis = createRedisConnection(env.REDIS_URL!);
    const keys = await redis.keys(`${env.QUEUE_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await s3?.stop();
    await database?.drop();
    await rm(tmp, { recursive: true, force: true });
  });

  it('moves every open Q&A stream to the other instance, with nothing missed or twice', async () => {
    const event = await createTestEvent(database.db, { capacity: 100 });
    const asker = await registerForTest(proxy.url, event.slug);
    const streamUrl = `${proxy.url}/api/events/${event.slug}/questions`;
    for (let i = 0; i < VIEWERS; i++) {
      const { joinToken } = await registerForTest(proxy.url, event.slug);
      viewers.push(follow(streamUrl, joinToken));
    }
    await expect
      .poll(() => viewers.filter((v) => v.events.some((e) => e.event === 'snapshot')).length)
      .toBe(VIEWERS);
    // The proxy spread the streams over both instances.
    expect(new Set(proxy.routed.slice(-VIEWERS))).toEqual(new Set([0, 1]));

    // Questions keep coming all through the restarts; one the load balancer could not place is asked again.
    let asking = true;
    let asked = 0;
    const refused: string[] = [];
    const questions = (async () => {
      while (asking) {
        const answer = await fetch(`${proxy.url}/api/events/${event.slug}/questions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${asker.joinToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text: `Spørsmål ${asked + 1}` }),
        }).catch((err: Error) => err);
        if (answer instanceof Response && answer.status === 201) asked += 1;
        else refused.push(answer instanceof Response ? String(answer.status) : answer.message);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const askedAtLeast = (n: number) =>
      expect.poll(() => asked, { timeout: 20_000 }).toBeGreaterThanOrEqual(n);

    const exits: Array<number | null> = [];
    const stoppedWithin: number[] = [];
    for (const index of [0, 1]) {
      await askedAtLeast(asked + 5);
      const started = Date.now();
      await stopProcess(apis[index], 'SIGTERM');
      stoppedWithin.push(Date.now() - started);
      exits.push(await apis[index]!.exited);
      await askedAtLeast(asked + 5);
      apis[index] = await startApiProcess(env);
    }
    await askedAtLeast(asked + 5);
    asking = false;
    await questions;

    const { rows } = await database.db.query<{ seq: number }>(
      'select max(seq) as seq from question_changes where event_id = $1',
      [event.id],
    );
    const last = Number(rows[0]!.seq);
    expect(last).toBeGreaterThanOrEqual(asked);
    await expect
      .poll(() => viewers.filter((v) => v.events.at(-1)?.id === last).length, { timeout: 30_000 })
      .toBe(VIEWERS);

    // Each instance stopped at once and cleanly: its streams were told to go, not waited for.
    expect(exits).toEqual([0, 0]);
    for (const ms of stoppedWithin) expect(ms).toBeLessThan(10_000);
    for (const [i, viewer] of viewers.entries()) {
      expect(viewer.source.readyState, `viewer ${i}`).toBe(EventSource.OPEN);
      // Told to reconnect by each instance it was on as that one stopped (once or twice).
      expect(
        viewer.events.filter((e) => e.event === 'reconnect').length,
        `viewer ${i}`,
      ).toBeGreaterThanOrEqual(1);
      const first = viewer.events.find((e) => e.event === 'snapshot')!.id;
      const changes = viewer.events.filter((e) => e.event === 'question').map((e) => e.id);
      // Every change after the snapshot, once each and in order, whichever instance sent it.
      expect(changes, `viewer ${i}`).toEqual(Array.from({ length: last - first }, (_, k) => first + 1 + k));
      expect(
        viewer.events.filter((e) => e.event === 'snapshot'),
        `viewer ${i}`,
      ).toHaveLength(1);
    }
    console.info(
      `rolling restart: ${asked} questions asked, ${refused.length} asked again (${[...new Set(refused)].join(', ') || 'none'}), stops took ${stoppedWithin.join(' and ')} ms`,
    );
  });
});
