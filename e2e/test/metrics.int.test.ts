import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '@folkemote/config';
import { findRecording, upsertOrganisation } from '@folkemote/db';
import { createPostgresTestDatabase, isPostgresReachable, type TestDatabase } from '@folkemote/db/testing';
import { createLogger } from '@folkemote/logger';
import { makeClip } from '@folkemote/media/testing';
import { importRecording } from '@folkemote/pipeline';
import { createJobQueues, createRedisConnection, jobNames } from '@folkemote/queue';
import { startEmbeddedS3 } from '@folkemote/storage';
import {
  apiAt,
  createTestEvent,
  json,
  openSse,
  type RunningProcess,
  registerForTest,
  startApiProcess,
  startProcess,
  startTestSystem,
  stopProcess,
} from '@folkemote/system/testing';
import { createWorkerDeps } from '@folkemote/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sampleSum, scrape } from './support/prometheus-text.ts';

const postgres = await isPostgresReachable();
if (!postgres) console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the metrics test is skipped');

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const promtool = await run('promtool', ['--version']).then(
  () => true,
  () => false,
);
if (!promtool)
  console.warn('promtool is not installed (Debian: prometheus): the alert rules are not loaded in it');

const TOKEN = `metrics-${randomBytes(12).toString('hex')}`;

// The API and the worker as separate processes, as in production: each answers its own /metrics.
describe.runIf(postgres)('metrics of the API and the worker', () => {
  let tmp: string;
  let database: TestDatabase;
  let s3: Awaited<ReturnType<typeof startEmbeddedS3>>;
  let env: Record<string, string>;
  let api: RunningProcess;
  let worker: RunningProcess;
  let apiMetrics: string;
  let workerMetrics: string;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-metrics-'));
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
      QUEUE_PREFIX: `metrics-${randomBytes(4).toString('hex')}`,
      PORT: '0',
      WORK_DIR: path.join(tmp, 'work'),
      LIVEKIT_STANDIN_PORT: '0',
      MIN_FREE_DISK_MB: '0',
      FFMPEG_THREADS: '1',
      DEMO_CONTENT: 'false',
      WORKER_IN_PROCESS: 'false',
      LOG_LEVEL: 'info',
      METRICS_TOKEN: TOKEN,
      // The worker's metrics on a listener of their own, on the loopback address only.
      WORKER_METRICS_PORT: '0',
    };
    [api, worker] = await Promise.all([
      startApiProcess(env),
      startProcess('apps/worker/src/main.ts', env, 'worker metrics served'),
    ]);
    apiMetrics = `${api.ready.url as string}/metrics`;
    workerMetrics = worker.ready.url as string;
  });
  afterAll(async () => {
    await Promise.all([stopProcess(api), stopProcess(worker)]);
    const redis = createRedisConnection(env.REDIS_URL!);
    const keys = await redis.keys(`${env.QUEUE_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await s3?.stop();
    await database?.drop();
    await rm(tmp, { recursive: true, force: true });
  });

  it('answers only with the token, on both processes', async () => {
    expect(new URL(workerMetrics).hostname).toBe('127.0.0.1');
    for (const url of [apiMetrics, workerMetrics]) {
      expect((await fetch(url)).status, url).toBe(401);
      const wrong = await fetch(url, { headers: { authorization: 'Bearer not-the-metrics-token' } });
      expect(wrong.status, url).toBe(401);
      const right = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(right.status, url).toBe(200);
      expect(right.headers.get('content-type')).toContain('text/plain');
      const series = (await right.text()).split('\n');
      // The process' own series, from prom-client's defaults.
      expect(series.some((l) => l.startsWith('process_cpu_user_seconds_total'))).toBe(true);
      expect(series.some((l) => l.startsWith('nodejs_eventloop_lag_seconds'))).toBe(true);
    }
  });

  it('counts requests by route, registrations, open event streams, Q&A deliveries and webhooks on the API', async () => {
    const event = await createTestEvent(database.db, { capacity: 1, waitlistEnabled: true });
    const before = await scrape(apiMetrics, TOKEN);
    const anne = await registerForTest(api.ready.url as string, event.slug);
    const bjorn = await registerForTest(api.ready.url as string, event.slug);
    expect([anne.status, bjorn.status]).toEqual(['confirmed', 'waitlisted']);

    const stream = await openSse(`${api.ready.url as string}/api/events/${event.slug}/questions`, {
      authorization: `Bearer ${anne.joinToken}`,
    });
    await stream.waitFor((e) => e.some((x) => x.event === 'snapshot'));
    const during = await scrape(apiMetrics, TOKEN);
    expect(sampleSum(during, 'folkemote_event_streams_open')).toBe(1);

    const ask = apiAt(api.ready.url as string);
    await json(
      await ask('POST', `/api/events/${event.slug}/questions`, anne.joinToken, { text: 'Måling?' }),
      201,
    );
    await stream.waitFor((e) => e.some((x) => x.event === 'question'));
    await stream.close();
    const webhook = await fetch(`${api.ready.url as string}/api/webhooks/livekit`, {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', authorization: 'forged' },
      body: '{}',
    });
    expect(webhook.status).toBe(401);

    const after = await scrape(apiMetrics, TOKEN);
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sampleSum(after, name, labels) - sampleSum(before, name, labels);
    expect(moved('folkemote_registrations_total', { outcome: 'confirmed' })).toBe(1);
    expect(moved('folkemote_registrations_total', { outcome: 'waitlisted' })).toBe(1);
    const registrationRoute = { route: '/api/events/:slug/registrations', method: 'POST', status: '201' };
    expect(moved('folkemote_http_requests_total', registrationRoute)).toBe(2);
    expect(moved('folkemote_http_request_duration_seconds_count', registrationRoute)).toBe(2);
    expect(moved('folkemote_qa_changes_delivered_total')).toBeGreaterThanOrEqual(1);
    expect(moved('folkemote_livekit_webhooks_total', { outcome: 'rejected' })).toBe(1);
    // Routes by their pattern only: no address with a slug or a personal link becomes a series.
    const routes = after.filter((s) => s.labels.route !== undefined).map((s) => s.labels.route!);
    expect(routes.filter((r) => r.includes(event.slug) || r.includes(anne.joinToken))).toEqual([]);
    await expect
      .poll(async () => sampleSum(await scrape(apiMetrics, TOKEN), 'folkemote_event_streams_open'))
      .toBe(0);
  });

  it('counts jobs, their durations and failures, the transcode speed and S3 uploads on the worker', async () => {
    const initial = await scrape(workerMetrics, TOKEN);
    for (const job of jobNames) {
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(
          initial.some(
            (s) => s.name === 'folkemote_queue_jobs' && s.labels.job_name === job && s.labels.state === state,
          ),
          `${job} ${state}`,
        ).toBe(true);
      expect(sampleSum(initial, 'folkemote_job_failures_total', { job_name: job, final: 'true' })).toBe(0);
    }
    expect(sampleSum(initial, 'folkemote_work_dir_bytes', { kind: 'free' })).toBeGreaterThan(0);
    expect(initial.some((s) => s.name === 'folkemote_captions_past_deadline')).toBe(true);
    expect(initial.some((s) => s.name === 'folkemote_job_oldest_active_seconds')).toBe(true);

    const config = loadConfig(env);
    const redis = createRedisConnection(config.redis.url);
    const queues = createJobQueues(redis, config.redis.queuePrefix);
    const deps = createWorkerDeps(config, database.db, queues, createLogger('warn', 'test'));
    const organisationId = (
      await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' })
    ).id;
    try {
      const clip = await makeClip(path.join(tmp, 'clip.mp4'), { seconds: 4, size: '320x240' });
      const good = await importRecording(deps, {
        file: clip,
        title: 'Måling',
        organisationId,
        publication: 'public',
      });
      const notMedia = path.join(tmp, 'not-media.mp4');
      await writeFile(notMedia, 'not a recording at all');
      const bad = await importRecording(deps, {
        file: notMedia,
        title: 'Ikke video',
        organisationId,
        publication: 'public',
      });
      await expect
        .poll(async () => (await findRecording(database.db, good.id))?.state, {
          timeout: 90_000,
          interval: 250,
        })
        .toBe('published');
      await expect
        .poll(async () => (await findRecording(database.db, bad.id))?.state, {
          timeout: 30_000,
          interval: 250,
        })
        .toBe('failed');
    } finally {
      await queues.close();
      redis.disconnect();
    }

    // The job's attempt is counted as its handler returns, just after it published the recording.
    const transcodes = { job_name: 'recording.transcode', outcome: 'completed' };
    await expect
      .poll(async () =>
        sampleSum(await scrape(workerMetrics, TOKEN), 'folkemote_job_duration_seconds_count', transcodes),
      )
      .toBeGreaterThan(sampleSum(initial, 'folkemote_job_duration_seconds_count', transcodes));
    const after = await scrape(workerMetrics, TOKEN);
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sampleSum(after, name, labels) - sampleSum(initial, name, labels);
    for (const job of ['recording.ingest', 'recording.quick', 'recording.transcode'])
      expect(
        moved('folkemote_job_duration_seconds_count', { job_name: job, outcome: 'completed' }),
        job,
      ).toBeGreaterThanOrEqual(1);
    expect(moved('folkemote_job_failures_total', { job_name: 'recording.ingest', final: 'true' })).toBe(1);
    expect(
      moved('folkemote_job_duration_seconds_count', { job_name: 'recording.ingest', outcome: 'failed' }),
    ).toBe(1);
    expect(moved('folkemote_transcode_realtime_factor_count')).toBe(1);
    expect(sampleSum(after, 'folkemote_transcode_realtime_factor_sum')).toBeGreaterThan(0);
    expect(moved('folkemote_s3_upload_bytes_total', { bucket: 'folkemote-public' })).toBeGreaterThan(10_000);
    expect(sampleSum(after, 'folkemote_s3_upload_errors_total', { bucket: 'folkemote-public' })).toBe(0);
    // The failed ingest stays in its queue's failed set for inspection.
    expect(sampleSum(after, 'folkemote_queue_jobs', { job_name: 'recording.ingest', state: 'failed' })).toBe(
      1,
    );
  });

  it('serves every series the alert rules and the dashboard name', async () => {
    const served = new Set(
      [...(await scrape(apiMetrics, TOKEN)), ...(await scrape(workerMetrics, TOKEN))].map((s) => s.name),
    );
    const named = (expr: string) =>
      [...expr.matchAll(/\b(?:folkemote|process|nodejs)_\w+/g)].map((m) => m[0]);
    const rules = parseYaml(await readFile(path.join(root, 'infra/prometheus/alerts.yml'), 'utf8')) as {
      groups: Array<{ rules: Array<{ alert: string; expr: string }> }>;
    };
    const ruleExprs = rules.groups.flatMap((g) => g.rules.map((r) => ({ where: r.alert, expr: r.expr })));
    const dashboard = JSON.parse(await readFile(path.join(root, 'infra/grafana/folkemote.json'), 'utf8')) as {
      panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
    };
    const panelExprs = dashboard.panels.flatMap((p) =>
      (p.targets ?? []).map((t) => ({ where: p.title, expr: t.expr })),
    );
    expect(ruleExprs.length).toBeGreaterThanOrEqual(4);
    expect(panelExprs.length).toBeGreaterThanOrEqual(15);
    const missing: string[] = [];
    for (const { where, expr } of [...ruleExprs, ...panelExprs]) {
      const names = named(expr);
      if (names.length === 0) missing.push(`${where}: names no series`);
      for (const name of names) if (!served.has(name)) missing.push(`${where}: ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it.runIf(promtool || process.env.CI)(
    'has alert rules that promtool loads and whose tests pass',
    async () => {
      const dir = path.join(root, 'infra/prometheus');
      const checked = await run('promtool', ['check', 'rules', 'alerts.yml'], { cwd: dir });
      expect(checked.stdout).toMatch(/SUCCESS: \d+ rules found/);
      const tested = await run('promtool', ['test', 'rules', 'alerts.test.yml'], { cwd: dir });
      expect(tested.stdout).toContain('SUCCESS');
    },
  );
});

describe('metrics where the operator configured no way to them, or an internal listener', () => {
  it('answers 404 on the public port without METRICS_TOKEN', async () => {
    const system = await startTestSystem();
    try {
      expect((await fetch(`${system.url}/metrics`)).status).toBe(404);
      expect(system.metricsUrl).toBeNull();
    } finally {
      await system.stop();
    }
  });

  it('serves them on their own listener with METRICS_PORT, and not on the public port', async () => {
    const system = await startTestSystem({ METRICS_PORT: '0', METRICS_TOKEN: TOKEN });
    try {
      const withToken = { authorization: `Bearer ${TOKEN}` };
      expect((await fetch(`${system.url}/metrics`, { headers: withToken })).status).toBe(404);
      expect(new URL(system.metricsUrl!).hostname).toBe('127.0.0.1');
      expect((await fetch(system.metricsUrl!)).status).toBe(401);
      const series = await scrape(system.metricsUrl!, TOKEN);
      // The worker runs in this process here: its series come with the API's.
      for (const name of [
        'folkemote_http_requests_total',
        'folkemote_queue_jobs',
        'process_cpu_seconds_total',
      ])
        expect(
          series.some((s) => s.name === name),
          name,
        ).toBe(true);
    } finally {
      await system.stop();
    }
  });
});
