/**
 * The registration burst: 1,000 registrations sent at once for 100 seats to the
 * real API (the real route, rate limit included) over HTTP on loopback, on
 * PostgreSQL (127.0.0.1:5432, a fresh database) and on PGlite. The API runs in
 * this process, as `pnpm dev` runs it; the client is a process of its own
 * (load-generator.ts) with a pool of `--connections` keep-alive connections,
 * opened before the clock starts: by default one per registration, so all of
 * them are on the wire at once, as from a thousand browsers (or a proxy that
 * opens what it needs); `--connections 100` models a proxy that caps its pool
 * and queues the rest; `--fresh-connections` opens a connection per request inside
 * the clock, as browsers reaching the API with no proxy in front. All requests are
 * released at once and each is timed from the release, so waiting for a free
 * connection counts too.
 *
 * Baseline in the same run, measured back to back with each burst so both see
 * the same load from whatever else runs on the machine: the HTTP floor, the
 * same burst from the same client over the same pool against a Fastify route
 * in this process that only parses the body and answers 201. No registration
 * can answer faster than that; the ratios are burst / floor.
 *
 * Each round prints throughput, p50/p99/max latency, the processor time of the
 * API process and of the client and how busy the whole machine was, how many
 * transactions (batches) wrote the burst, a one-row commit's latency on the
 * same database just before (each batch pays one), the confirmed and
 * waitlisted counts, and how long after the release every confirmation e-mail
 * was in the job queue (PostgreSQL: the worker is a separate process in
 * production and is not started here) or sent (PGlite: the worker shares the
 * API's process). Then the median of the rounds, 100 registrations one at a
 * time, and the naive read-then-insert without the event lock (straight
 * against the database), to show the overbooking the lock prevents.
 *
 * Both paths are warmed up with `--warm-up` whole bursts of their own first, as
 * a server that has been up for a while is. `--cpu-profile <path>` writes V8
 * CPU profiles of this process for every burst.
 *
 * Usage: pnpm bench:registration [--burst 1000] [--seats 100] [--connections 1000 | --fresh-connections] [--rounds 3]
 *          [--warm-up 3] [--only postgres|pglite] [--cpu-profile <path>]
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { countRegistrations, type Database } from '@folkemote/db';
import { databaseKindsUnderTest } from '@folkemote/db/testing';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import Fastify from 'fastify';
import { createTestEvent, registrationBody } from '../src/testing/index.ts';
import type { LoadRequest, LoadResult } from './load-generator.ts';
import { type LoadGeneratorProcess, startLoadGeneratorProcess } from './load-generator-process.ts';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '1000' },
    seats: { type: 'string', default: '100' },
    connections: { type: 'string', default: '1000' },
    /** Every request opens its own connection inside the clock instead of using the pool. */
    'fresh-connections': { type: 'boolean', default: false },
    'warm-up': { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    /** Writes V8 CPU profiles of this process (the API) during each measured burst: <path>-[floor-]<database>.cpuprofile. */
    'cpu-profile': { type: 'string' },
    only: { type: 'string' },
  },
});
const burst = Number(values.burst);
const seats = Number(values.seats);
const connections = Number(values.connections);
const fresh = values['fresh-connections'];
const warmUpBursts = Number(values['warm-up']);
const rounds = Number(values.rounds);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

interface Stats {
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
  wallMs: number;
}
function statsOf(result: LoadResult): Stats {
  const sorted = result.answers.map((a) => a.ms).sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    perSecond: result.answers.length / (result.wallMs / 1000),
    wallMs: result.wallMs,
  };
}
const line = (s: Stats) =>
  `${s.perSecond.toFixed(0)} requests/s, wall ${ms(s.wallMs)}, p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`;

const registrationPost = (slug: string, n: number | string): LoadRequest => ({
  method: 'POST',
  path: `/api/events/${slug}/registrations`,
  body: registrationBody(n),
});

/** A route that parses the body and answers as the registration route does: HTTP alone, in this process. */
async function startHttpFloor(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const app = Fastify();
  app.post<{ Params: { slug: string } }>('/api/events/:slug/registrations', async (request, reply) =>
    reply.code(201).send({
      id: randomUUID(),
      status: 'confirmed',
      joinUrl: `http://localhost/p/${request.params.slug}`,
      alreadyRegistered: false,
    }),
  );
  // The same backlog as the API's (system.ts).
  await app.listen({ host: '127.0.0.1', port: 0, backlog: 4096 });
  return {
    baseUrl: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`,
    close: () => app.close(),
  };
}

/** Read the count, then insert: what a registration without the row lock does. */
async function naiveBurst(db: Database, eventId: string): Promise<{ confirmed: number; waitlisted: number }> {
  await Promise.all(
    Array.from({ length: burst }, async (_, i) => {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from registrations where event_id = $1 and status = 'confirmed'`,
        [eventId],
      );
      const status = (rows[0]?.n ?? 0) < seats ? 'confirmed' : 'waitlisted';
      await db.query(
        `insert into registrations (id, event_id, status, name, email, email_normalised, consent_at, join_token_hash)
         values ($1, $2, $3, $4, $5, $5, now(), $6)`,
        [randomUUID(), eventId, status, `Naiv ${i}`, `naiv-${i}@example.no`, randomUUID()],
      );
    }),
  );
  const counts = await countRegistrations(db, eventId);
  return { confirmed: counts.confirmed, waitlisted: counts.waitlisted };
}

/** How long after the release the last confirmation of the burst was handed on (queued, or sent by the in-process worker). */
async function handedOnSoFar(system: TestSystem, kind: 'postgres' | 'pglite', eventId: string) {
  if (kind === 'postgres') {
    const counts = await system.deps.queues.queue('registration.email').getJobCounts('waiting', 'active');
    return (counts.waiting ?? 0) + (counts.active ?? 0);
  }
  const { rows } = await system.deps.db.query<{ n: number }>(
    `select count(*)::int as n from outbound_emails where event_id = $1 and kind = 'confirmation'`,
    [eventId],
  );
  return rows[0]?.n ?? 0;
}

/** Milliseconds from the release until every confirmation of the burst was handed on; null after 120 s. */
async function confirmationsHandedOn(
  system: TestSystem,
  kind: 'postgres' | 'pglite',
  eventId: string,
  before: number,
  releasedAt: number,
): Promise<number | null> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if ((await handedOnSoFar(system, kind, eventId)) - before >= burst) return performance.now() - releasedAt;
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Processor time of the whole machine, from /proc/stat (Linux): how much of it others used matters here. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const idle = fields[3]! + (fields[4] ?? 0);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
function busySince(start: ReturnType<typeof machineTicks>): string {
  const now = machineTicks();
  if (!start || !now || now.total === start.total) return 'machine busy n/a';
  return `machine busy ${(((now.busy - start.busy) / (now.total - start.total)) * 100).toFixed(0)}%`;
}

interface Cost {
  apiCpuMs: number;
  clientCpuMs: number;
  machine: string;
}
const costLine = (c: Cost) => `CPU: API process ${ms(c.apiCpuMs)}, client ${ms(c.clientCpuMs)}, ${c.machine}`;

/** One-row commits one after another: what each of a burst's sequential batch commits costs at least. */
async function commitLatency(db: Database): Promise<string> {
  await db.query('create table if not exists bench_commit_probe (n int)');
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    await db.transaction((tx) => tx.query('insert into bench_commit_probe values ($1)', [i]));
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return `one-row commit p50 ${ms(percentile(times, 50))}, max ${ms(times.at(-1)!)}`;
}

interface Round {
  floor: Stats;
  floorCost: Cost;
  real: Stats;
  realCost: Cost;
  /** Transactions that wrote the burst's rows: the number of batches. */
  batches: number;
  commit: string;
  handOnMs: number | null;
  confirmed: number;
  waitlisted: number;
  answered: { confirmed: number; waitlisted: number; not201: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function measureFloor(load: LoadGeneratorProcess, floorUrl: string, round: string) {
  const machine = machineTicks();
  const cpu = process.cpuUsage();
  const profiler = values['cpu-profile'] ? await startProfiler() : null;
  const result = await load.run({
    baseUrl: floorUrl,
    mode: 'burst',
    connections,
    fresh,
    warmUp: [],
    requests: Array.from({ length: burst }, (_, i) => registrationPost('noop', `${round}-${i}`)),
  });
  const cost = { apiCpuMs: cpuSince(cpu), clientCpuMs: result.cpuMs, machine: busySince(machine) };
  if (profiler) await profiler.stop(`${values['cpu-profile']}-floor-${round}.cpuprofile`);
  return { stats: statsOf(result), cost };
}

async function measureRegistrations(
  load: LoadGeneratorProcess,
  system: TestSystem,
  kind: 'postgres' | 'pglite',
  round: string,
): Promise<Omit<Round, 'floor' | 'floorCost'>> {
  const event = await createTestEvent(system.deps.db, { capacity: seats, waitlistEnabled: true });
  const commit = await commitLatency(system.deps.db);
  const before = await handedOnSoFar(system, kind, event.id);
  const machine = machineTicks();
  const cpu = process.cpuUsage();
  const profiler = values['cpu-profile'] ? await startProfiler() : null;
  const result = await load.run({
    baseUrl: system.url,
    mode: 'burst',
    connections,
    fresh,
    warmUp: [],
    requests: Array.from({ length: burst }, (_, i) => registrationPost(event.slug, `${round}-${i}`)),
  });
  const realCost = { apiCpuMs: cpuSince(cpu), clientCpuMs: result.cpuMs, machine: busySince(machine) };
  // The release, on this process's clock: the plan's answer came back with its last request's.
  const releasedAt = performance.now() - result.wallMs;
  const handOnMs = await confirmationsHandedOn(system, kind, event.id, before, releasedAt);
  if (profiler) await profiler.stop(`${values['cpu-profile']}-${round}.cpuprofile`);
  const statuses = result.answers.map((a) => (JSON.parse(a.body) as { status?: string }).status);
  const counts = await countRegistrations(system.deps.db, event.id);
  const { rows } = await system.deps.db.query<{ n: number }>(
    'select count(distinct xmin::text)::int as n from registrations where event_id = $1',
    [event.id],
  );
  return {
    batches: rows[0]?.n ?? 0,
    commit,
    real: statsOf(result),
    realCost,
    handOnMs,
    confirmed: counts.confirmed,
    waitlisted: counts.waitlisted,
    answered: {
      confirmed: statuses.filter((s) => s === 'confirmed').length,
      waitlisted: statuses.filter((s) => s === 'waitlisted').length,
      not201: result.answers.filter((a) => a.status !== 201).length,
    },
  };
}

const load = await startLoadGeneratorProcess();
const floor = await startHttpFloor();
console.log(
  `${burst} registrations at once for ${seats} seats; client in its own process ${
    fresh
      ? 'opening a new connection for every request inside the clock'
      : `over ${connections} keep-alive connections`
  }; ${rounds} rounds after ${warmUpBursts} warm-up bursts`,
);
try {
  for (const kind of (await databaseKindsUnderTest()).reverse()) {
    if (values.only && values.only !== kind) continue;
    const system = await startTestSystem(
      {
        REGISTRATION_RATE_LIMIT: '1000000',
        LOG_LEVEL: 'error',
        WORKER_IN_PROCESS: kind === 'pglite' ? 'true' : 'false',
      },
      { database: kind },
    );
    try {
      // Both get whole bursts until the JIT has compiled their paths, and their pools are opened.
      for (let i = 0; i < warmUpBursts; i++) {
        await measureFloor(load, floor.baseUrl, `warm-${kind}-${i}`);
        await measureRegistrations(load, system, kind, `warm-${kind}-${i}`);
      }
      const rows: Round[] = [];
      console.log(`${kind}:`);
      for (let i = 0; i < rounds; i++) {
        // Back to back, so both see the same load from whatever else runs on the machine.
        const f = await measureFloor(load, floor.baseUrl, `${kind}-${i}`);
        const r = await measureRegistrations(load, system, kind, `${kind}-${i}`);
        const row: Round = { floor: f.stats, floorCost: f.cost, ...r };
        rows.push(row);
        console.log(
          [
            `  round ${i + 1}  HTTP floor (no-op route):  ${line(row.floor)}`,
            `                                      ${costLine(row.floorCost)}`,
            `           registrations:             ${line(row.real)}`,
            `                                      ${costLine(row.realCost)}`,
            `           written in ${row.batches} transactions; just before, ${row.commit}`,
            `           p99 ${(row.real.p99 / row.floor.p99).toFixed(2)}x the floor; confirmed ${row.confirmed}, waitlisted ${row.waitlisted} (answers ${row.answered.confirmed}/${row.answered.waitlisted}, ${row.answered.not201} not 201); all ${burst} confirmations ${kind === 'postgres' ? 'queued' : 'sent'} ${row.handOnMs === null ? 'NOT within 120 s' : `${ms(row.handOnMs)} after the release`}`,
          ].join('\n'),
        );
      }
      const m = (pick: (r: Round) => number) => median(rows.map(pick));
      console.log(
        [
          `  median of ${rounds}: HTTP floor p50 ${ms(m((r) => r.floor.p50))}, p99 ${ms(m((r) => r.floor.p99))}, ${m((r) => r.floor.perSecond).toFixed(0)}/s`,
          `               registrations p50 ${ms(m((r) => r.real.p50))}, p99 ${ms(m((r) => r.real.p99))}, ${m((r) => r.real.perSecond).toFixed(0)}/s`,
          `               ratio to the floor (median of the rounds' ratios): p50 ${m((r) => r.real.p50 / r.floor.p50).toFixed(2)}x, p99 ${m((r) => r.real.p99 / r.floor.p99).toFixed(2)}x, throughput ${m((r) => r.real.perSecond / r.floor.perSecond).toFixed(2)}x, API process CPU ${m((r) => r.realCost.apiCpuMs / r.floorCost.apiCpuMs).toFixed(2)}x`,
        ].join('\n'),
      );

      const oneByOneEvent = await createTestEvent(system.deps.db);
      const oneByOne = statsOf(
        await load.run({
          baseUrl: system.url,
          mode: 'sequential',
          connections,
          warmUp: [],
          requests: Array.from({ length: 100 }, (_, i) => registrationPost(oneByOneEvent.slug, `one-${i}`)),
        }),
      );
      console.log(`  one at a time (100 in a row): p50 ${ms(oneByOne.p50)}, p99 ${ms(oneByOne.p99)}`);
      const naiveEvent = await createTestEvent(system.deps.db, { capacity: seats });
      const naive = await naiveBurst(system.deps.db, naiveEvent.id);
      console.log(
        `  naive read-then-insert without the lock: confirmed ${naive.confirmed} for ${seats} seats (overbooked by ${naive.confirmed - seats}), waitlisted ${naive.waitlisted}`,
      );
    } finally {
      await system.stop();
    }
  }
} finally {
  await floor.close();
  await load.stop();
}
process.exit(0);
