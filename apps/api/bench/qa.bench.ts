/**
 * The Q&A fan-out under load: N viewers follow one event's question stream
 * (Server-Sent Events) from ONE API process, while questions and votes arrive
 * at a steady rate. The API runs in a child process of its own on PostgreSQL
 * (a temporary database on 127.0.0.1:5432, dropped afterwards) and Redis; the
 * viewers are spread over several load-generator processes, the writer is this
 * process. Everything is on loopback and stops by itself.
 *
 * Printed: delivery latency p50/p99 from the write request to the receipt at
 * every viewer, lost and duplicated deliveries (both must be 0), the API
 * process's memory per connection (RSS delta / connections, after a GC), and,
 * from the same run, baselines with ratios:
 *   - a bare Redis pub/sub round trip (publish → subscriber), the floor of any
 *     cross-instance delivery;
 *   - a PostgreSQL commit of one row on the same server: every write waits for
 *     one while it holds its event's row, so a slow disk shows here first;
 *   - the raw-socket floor: the same number of viewers, frames of the same size
 *     written to their sockets by a bare TCP server, nothing else — what the
 *     machine itself needs for the fan-out;
 *   - the same writes delivered to 1 viewer: the cost of the whole path (HTTP
 *     write, transaction, publish, read of the change, SSE) without fan-out.
 * Each line also splits the latency: the write request itself, write → first
 * viewer, and first → last viewer (the fan-out).
 *
 * Polls take the same path (their changes are numbered on the Q&A's change log
 * and fanned out by the same feed), so the last phase opens a poll and sends
 * registrants' answers at the same rate: every answer is a `poll` event with
 * the new counts at every viewer. Its ratios are against the question and vote
 * delivery to the same number of viewers in the same run. `pnpm bench:polls`
 * runs only those two phases (--polls-only).
 *
 * Usage: pnpm bench:qa [--viewers 2000] [--changes 200] [--rate 10] [--per-process 2500] [--polls-only]
 *        [--async-commit]   (commits without waiting for the disk, to tell the disk apart)
 * QA_BENCH_SERVER_FLAGS passes Node flags to the API process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type Database,
  findEventQa,
  insertPoll,
  openDatabase,
  updateEventRegistrationSettings,
  upsertEvent,
  upsertOrganisation,
} from '@folkemote/db';
import { createPostgresTestDatabase, isPostgresReachable, testPostgresUrl } from '@folkemote/db/testing';
import { hashJoinToken, joinTokenFor } from '@folkemote/registration';
import { Redis } from 'ioredis';
import type { FloorCommand, FloorReport } from './qa-bench-floor.ts';
import type { ServerCommand, ServerReport } from './qa-bench-server.ts';
import type { ViewerCommand, ViewerReport } from './qa-bench-viewers.ts';

const { values } = parseArgs({
  options: {
    viewers: { type: 'string', default: '2000' },
    changes: { type: 'string', default: '200' },
    rate: { type: 'string', default: '10' },
    'per-process': { type: 'string', default: '2500' },
    'time-limit': { type: 'string', default: '900' },
    'async-commit': { type: 'boolean', default: false },
    'polls-only': { type: 'boolean', default: false },
  },
});
const pollsOnly = values['polls-only'];
const viewerCount = Number(values.viewers);
const changeCount = Number(values.changes);
const rate = Number(values.rate);
const perProcess = Number(values['per-process']);
const timeLimitSeconds = Number(values['time-limit']);
if (!(viewerCount >= 1 && viewerCount <= 50_000)) throw new Error('--viewers must be between 1 and 50000');
if (!(changeCount >= 10 && changeCount <= 10_000)) throw new Error('--changes must be between 10 and 10000');
if (!(rate > 0 && rate <= 500)) throw new Error('--rate must be between 0 and 500 per second');

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const here = path.dirname(fileURLToPath(import.meta.url));
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const children: ChildProcess[] = [];

// Bounded in time whatever happens: the children go with us.
const deadline = setTimeout(() => {
  console.error(`bench:qa: still running after ${timeLimitSeconds} s; stopping`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(2);
}, timeLimitSeconds * 1000);
deadline.unref();

function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const ms = (n: number) => (n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(1)} ms`);
const ratio = (a: number, b: number) => `×${(a / b).toFixed(1)}`;

/** Open files this process may have; every viewer is a socket in a load generator and in the API. */
async function openFileLimit(): Promise<number> {
  const limits = await readFile('/proc/self/limits', 'utf8').catch(() => '');
  const match = /Max open files\s+(\d+|unlimited)/.exec(limits);
  return !match || match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
}

function forkChild(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  execArgv: string[] = [],
): ChildProcess {
  const child = fork(path.join(here, file), [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    env,
  });
  children.push(child);
  return child;
}

function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => reject(new Error(`child exited with ${code} before "${type}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** What every write waits for at least once while it holds the event's row: a commit on this disk. */
async function postgresCommit(db: Database, samples: number): Promise<number[]> {
  await db.query('create table bench_commit_probe (n int)');
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const started = now();
      await db.query('insert into bench_commit_probe values ($1)', [i]);
      times.push(now() - started);
      await sleep(1000 / rate);
    }
  } finally {
    await db.query('drop table bench_commit_probe');
  }
  return times.sort((a, b) => a - b);
}

/** The floor: a message published to Redis and received by a subscriber, one at a time. */
async function redisRoundTrip(samples: number): Promise<number[]> {
  const pub = new Redis(redisUrl);
  const sub = new Redis(redisUrl);
  const channel = `bench:qa:${randomBytes(4).toString('hex')}`;
  await sub.subscribe(channel);
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const received = new Promise<number>((resolve) => sub.once('message', () => resolve(now())));
      const sent = now();
      await pub.publish(channel, String(i));
      times.push((await received) - sent);
      await sleep(1000 / rate);
    }
  } finally {
    pub.disconnect();
    sub.disconnect();
  }
  return times.sort((a, b) => a - b);
}

interface Setup {
  db: Database;
  eventId: string;
  slug: string;
  tokens: string[];
}

/** An event and its confirmed registrants with their personal-link tokens, straight into the database. */
async function createAudience(db: Database, count: number): Promise<Setup> {
  await upsertOrganisation(db, { slug: 'benchkommune', name: 'Benchkommune' });
  const startsAt = new Date(Date.now() + 3600_000);
  const slug = `qa-bench-${randomBytes(3).toString('hex')}`;
  const event = await upsertEvent(db, {
    slug,
    title: 'Spørretime under last',
    description: '',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
    organisationSlug: 'benchkommune',
    language: 'nb',
    contact: { name: 'Bench', email: 'bench@example.no', phone: null },
  });
  await updateEventRegistrationSettings(db, event.id, { status: 'published' });
  // Every viewer is to get every change: questions go public at once and are taken before the room is live.
  await db.query(
    'insert into event_qa (event_id, pre_moderation, questions_before_start) values ($1, false, true)',
    [event.id],
  );
  const ids = Array.from({ length: count }, () => randomUUID());
  const tokens = await Promise.all(ids.map((id) => joinTokenFor(db, id)));
  for (let i = 0; i < count; i += 5000) {
    const slice = ids.slice(i, i + 5000);
    await db.query(
      `insert into registrations (id, event_id, status, name, email, email_normalised, consent_at, link_id,
         join_token_hash)
       select id, $1, 'confirmed', 'Deltaker ' || n, 'd' || n || '@bench.example.no', 'd' || n || '@bench.example.no',
              now(), id, hash
       from unnest($2::uuid[], $3::text[], $4::int[]) as t(id, hash, n)`,
      [event.id, slice, tokens.slice(i, i + 5000).map(hashJoinToken), slice.map((_, j) => i + j)],
    );
  }
  return { db, eventId: event.id, slug, tokens };
}

interface PhaseResult {
  viewers: number;
  open: number;
  connectMs: number;
  latencies: Float64Array;
  lost: number;
  duplicated: number;
  disconnected: number;
  expectedDeliveries: number;
  writeErrors: number;
  memoryBefore: Extract<ServerReport, { type: 'memory' }>;
  memoryConnected: Extract<ServerReport, { type: 'memory' }>;
  memoryAfter: Extract<ServerReport, { type: 'memory' }>;
  writeSeconds: number;
  /** Request to response of the writes (POST question or vote). */
  writeTimes: number[];
  /** From the write request to the first viewer that got the change, per change. */
  firstDelivery: number[];
  /** From the first viewer to the last, per change: the fan-out itself. */
  fanOut: number[];
  generatorCpuMs: number;
}

async function serverMemory(server: ChildProcess) {
  const reply = nextMessage<Extract<ServerReport, { type: 'memory' }>>(server, 'memory');
  server.send({ type: 'memory' } satisfies ServerCommand);
  return reply;
}

/** The writer's state across phases: who asks next, who votes next (a vote must change something). */
const writer = { asker: 0, voter: 0, questions: [] as string[], asked: 0 };

/** What a phase streams from and writes to: the API, or the raw-socket floor. */
interface Target {
  baseUrl: string;
  slug: string;
  /** The process whose memory is measured (the API); null for the floor. */
  server: ChildProcess | null;
  /** The number of the first change this phase makes. */
  firstSeq(): Promise<number>;
  /** Makes change `i`; its number and when the write began, or null when it failed. */
  write(i: number): Promise<{ seq: number; at: number } | null>;
}

const noMemory = {
  type: 'memory' as const,
  rss: 0,
  heapUsed: 0,
  external: 0,
  cpuUserMs: 0,
  cpuSystemMs: 0,
  loopDelayP99Ms: 0,
  loopDelayMaxMs: 0,
};

/** Changes through the API: ¼ new questions, ¾ votes (each by someone who has not voted for it). */
function apiTarget(server: ChildProcess, baseUrl: string, setup: Setup, writerTokens: string[]): Target {
  return {
    baseUrl,
    slug: setup.slug,
    server,
    firstSeq: async () => (await findEventQa(setup.db, setup.eventId)).lastSeq + 1,
    async write(i) {
      const vote = i % 4 !== 0 && writer.questions.length > 0;
      const token = vote
        ? writerTokens[writer.voter++ % writerTokens.length]!
        : writerTokens[writer.asker++ % writerTokens.length]!;
      const target = vote ? writer.questions[(i * 7919) % writer.questions.length]! : null;
      const at = now();
      const response = await fetch(
        target ? `${baseUrl}/api/questions/${target}/vote` : `${baseUrl}/api/events/${setup.slug}/questions`,
        {
          method: 'POST',
          headers: target
            ? { authorization: `Bearer ${token}` }
            : { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: target ? undefined : JSON.stringify({ text: `Spørsmål ${++writer.asked} fra benken` }),
        },
      );
      const body = (await response.json()) as { question?: { id: string }; lastEventId?: number };
      if (!response.ok || body.lastEventId === undefined) {
        console.error(`  failed write: ${response.status} ${JSON.stringify(body)}`);
        return null;
      }
      if (!target) writer.questions.push(body.question!.id);
      return { seq: body.lastEventId, at };
    },
  };
}

/** Poll answers through the API: an open poll, each answer by a registrant who has not answered yet. */
async function pollTarget(
  server: ChildProcess,
  baseUrl: string,
  setup: Setup,
  answerTokens: string[],
): Promise<Target> {
  const poll = await insertPoll(
    setup.db,
    setup.eventId,
    {
      question: 'Hvilken dag passer best?',
      options: ['Tirsdag', 'Onsdag', 'Torsdag', 'Fredag'],
      multiple: false,
      resultsVisibility: 'everyone',
    },
    new Date(),
  );
  await setup.db.query(`update polls set status = 'open', opened_at = now() where id = $1`, [poll.id]);
  return {
    baseUrl,
    slug: setup.slug,
    server,
    firstSeq: async () => (await findEventQa(setup.db, setup.eventId)).lastSeq + 1,
    async write(i) {
      const token = answerTokens[i % answerTokens.length]!;
      const at = now();
      const response = await fetch(`${baseUrl}/api/polls/${poll.id}/answers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ choices: [i % 4] }),
      });
      const body = (await response.json()) as { lastEventId?: number };
      if (!response.ok || body.lastEventId === undefined) {
        console.error(`  failed answer: ${response.status} ${JSON.stringify(body)}`);
        return null;
      }
      return { seq: body.lastEventId, at };
    },
  };
}

/** The floor: the same kind of frame written to every viewer's raw socket, nothing else. */
function floorTarget(floor: ChildProcess, baseUrl: string): Target {
  return {
    baseUrl,
    slug: 'floor',
    server: null,
    firstSeq: async () => 1,
    async write(i) {
      const at = now();
      floor.send({ type: 'broadcast', seq: i + 1 } satisfies FloorCommand);
      return { seq: i + 1, at };
    },
  };
}

async function runPhase(label: string, target: Target, viewers: string[]): Promise<PhaseResult> {
  const memory = async () => (target.server ? serverMemory(target.server) : noMemory);
  const memoryBefore = await memory();
  const processes = Math.max(1, Math.ceil(viewers.length / perProcess));
  const generators = Array.from({ length: processes }, () => forkChild('qa-bench-viewers.ts'));
  await Promise.all(generators.map((g) => nextMessage(g, 'ready')));
  const connectStarted = now();
  const opened = await Promise.all(
    generators.map((g, i) => {
      const share = viewers.filter((_, j) => j % processes === i);
      const reply = nextMessage<Extract<ViewerReport, { type: 'opened' }>>(g, 'opened');
      g.send({
        type: 'open',
        url: target.baseUrl,
        slug: target.slug,
        tokens: share,
        concurrency: 50,
      } satisfies ViewerCommand);
      return reply;
    }),
  );
  const connectMs = now() - connectStarted;
  const open = opened.reduce((sum, o) => sum + o.open, 0);
  const failed = opened.reduce((sum, o) => sum + o.failed, 0);
  console.log(`  ${label}: ${open} streams open in ${(connectMs / 1000).toFixed(1)} s (${failed} failed)`);
  await sleep(500);
  const memoryConnected = await memory();

  const fromSeq = await target.firstSeq();
  for (const g of generators) g.send({ type: 'measure', fromSeq } satisfies ViewerCommand);

  const seqs: number[] = [];
  const sends: Array<[number, number]> = [];
  const writeTimes: number[] = [];
  let writeErrors = 0;
  const inFlight = new Set<Promise<void>>();
  const write = async (i: number) => {
    const written = await target.write(i);
    if (!written) {
      writeErrors++;
      return;
    }
    seqs.push(written.seq);
    sends.push([written.seq, written.at]);
    writeTimes.push(now() - written.at);
    for (const g of generators)
      g.send({ type: 'sent', seq: written.seq, at: written.at } satisfies ViewerCommand);
  };
  const started = now();
  for (let i = 0; i < changeCount; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    const promise = write(i).catch(() => {
      writeErrors++;
    });
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
    if (inFlight.size >= 64) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const writeSeconds = (now() - started) / 1000;
  const lastSeq = Math.max(...seqs);
  const results = await Promise.all(
    generators.map((g) => {
      const reply = nextMessage<Extract<ViewerReport, { type: 'result' }>>(g, 'result');
      g.send({ type: 'finish', firstSeq: fromSeq, lastSeq, timeoutMs: 30_000 } satisfies ViewerCommand);
      return reply;
    }),
  );
  const memoryAfter = await memory();
  for (const g of generators) g.send({ type: 'close' } satisfies ViewerCommand);
  await Promise.all(generators.map((g) => new Promise((resolve) => g.once('exit', resolve))));
  const total = results.reduce((sum, r) => sum + r.latencies.length, 0);
  const latencies = new Float64Array(total);
  let offset = 0;
  for (const r of results) {
    latencies.set(r.latencies, offset);
    offset += r.latencies.length;
  }
  latencies.sort();
  const sentBySeq = new Map(sends.map(([seq, at]) => [seq, at]));
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  for (const r of results)
    for (const [seq, a, b] of r.spread) {
      if (!sentBySeq.has(seq)) continue;
      first.set(seq, Math.min(first.get(seq) ?? a, a));
      last.set(seq, Math.max(last.get(seq) ?? b, b));
    }
  const firstDelivery = [...first].map(([seq, at]) => at - sentBySeq.get(seq)!).sort((x, y) => x - y);
  const fanOut = [...first].map(([seq, at]) => last.get(seq)! - at).sort((x, y) => x - y);
  return {
    writeTimes: writeTimes.sort((x, y) => x - y),
    firstDelivery,
    fanOut,
    generatorCpuMs: results.reduce((sum, r) => sum + r.cpuMs, 0),
    viewers: viewers.length,
    open,
    connectMs,
    latencies,
    lost: results.reduce((sum, r) => sum + r.lost, 0) + failed * seqs.length,
    duplicated: results.reduce((sum, r) => sum + r.duplicated, 0),
    disconnected: results.reduce((sum, r) => sum + r.disconnected, 0),
    expectedDeliveries: viewers.length * seqs.length,
    writeErrors,
    memoryBefore,
    memoryConnected,
    memoryAfter,
    writeSeconds,
  };
}

function describePhase(name: string, r: PhaseResult) {
  console.log(
    `${name.padEnd(34)} p50 ${ms(percentile(r.latencies, 50)).padStart(9)}  p99 ${ms(percentile(r.latencies, 99)).padStart(9)}  ` +
      `max ${ms(percentile(r.latencies, 100)).padStart(9)}  deliveries ${r.latencies.length}/${r.expectedDeliveries}  ` +
      `lost ${r.lost}  duplicated ${r.duplicated}  write errors ${r.writeErrors}`,
  );
  console.log(
    `${''.padEnd(34)} write request p50 ${ms(percentile(r.writeTimes, 50))} p99 ${ms(percentile(r.writeTimes, 99))}; write → first viewer p50 ${ms(percentile(r.firstDelivery, 50))} p99 ${ms(percentile(r.firstDelivery, 99))}; ` +
      `first → last viewer (fan-out) p50 ${ms(percentile(r.fanOut, 50))} p99 ${ms(percentile(r.fanOut, 99))}; ` +
      `load generators used ${(r.generatorCpuMs / 1000).toFixed(1)} s CPU`,
  );
}

/** How busy the machine is besides us: the load average and, where the kernel reports it, I/O pressure. */
async function machineLoad(): Promise<string> {
  const io = await readFile('/proc/pressure/io', 'utf8').catch(() => '');
  const pressure = /some avg10=([\d.]+)/.exec(io)?.[1];
  return `load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}${pressure ? `, I/O pressure ${pressure}%` : ''}`;
}

async function stopServer(server: ChildProcess) {
  const stop = new Promise((resolve) => server.once('exit', resolve));
  server.send({ type: 'stop' } satisfies ServerCommand);
  await stop;
}

/** The poll phase, its ratios against the Q&A delivery to as many viewers, and whether it met the target. */
function describePollPhase(qa: PhaseResult, polls: PhaseResult) {
  describePhase(`${viewerCount} viewers, poll results`, polls);
  const p99 = percentile(polls.latencies, 99);
  const clean = polls.lost === 0 && polls.duplicated === 0 && polls.writeErrors === 0;
  console.log(
    `ratios: poll results vs questions and votes, ${viewerCount} viewers: p50 ${ratio(percentile(polls.latencies, 50), percentile(qa.latencies, 50))}, ` +
      `p99 ${ratio(p99, percentile(qa.latencies, 99))}; fan-out p99 ${ratio(percentile(polls.fanOut, 99), percentile(qa.fanOut, 99))}; ` +
      `write request p50 ${ratio(percentile(polls.writeTimes, 50), percentile(qa.writeTimes, 50))}`,
  );
  console.log(
    `poll target (results at ${viewerCount} viewers, p99 under 500 ms, nothing lost or repeated): ${p99 < 500 && clean ? 'met' : 'NOT met'} (p99 ${ms(p99)})`,
  );
  if (!clean) process.exitCode = 1;
}

async function main() {
  if (!(await isPostgresReachable())) throw new Error(`PostgreSQL at ${testPostgresUrl} does not answer`);
  const limit = await openFileLimit();
  const needed = viewerCount + 1000;
  if (limit < needed)
    throw new Error(
      `The open-file limit is ${limit}; ${viewerCount} viewers need about ${needed}. Raise it (ulimit -n ${needed}) and run again.`,
    );

  console.log(
    `bench:qa — ${viewerCount} viewers in ${Math.ceil(viewerCount / perProcess)} load-generator process(es), ` +
      `${changeCount} changes (¼ questions, ¾ votes) at ${rate}/s, one API process, PostgreSQL + Redis on loopback, ${os.cpus().length} cores`,
  );
  console.log(`machine before: ${await machineLoad()}`);
  const database = await createPostgresTestDatabase();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-qa-bench-'));
  if (values['async-commit'])
    // For telling the disk apart from the rest: commits no longer wait for the WAL to reach the disk.
    await database.db.query(
      `alter database ${new URL(database.url!).pathname.slice(1)} set synchronous_commit = off`,
    );
  // Opened after that setting, like the API's connections.
  const db = await openDatabase({ kind: 'postgres', url: database.url! });
  try {
    const writerCount = Math.max(600, changeCount * 2);
    // Each registrant answers a poll once: the answers come from registrants of their own.
    const setup = await createAudience(db, viewerCount + writerCount + changeCount);
    const viewerTokens = setup.tokens.slice(0, viewerCount);
    const writerTokens = setup.tokens.slice(viewerCount, viewerCount + writerCount);
    const answerTokens = setup.tokens.slice(viewerCount + writerCount);

    const server = forkChild(
      'qa-bench-server.ts',
      {
        ...process.env,
        DATABASE_URL: database.url!,
        REDIS_URL: redisUrl,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
        WORKER_IN_PROCESS: 'false',
        DEMO_CONTENT: 'false',
        S3_EMBEDDED_PORT: '0',
        S3_DATA_DIR: path.join(tmp, 's3'),
        WORK_DIR: path.join(tmp, 'work'),
        MIN_FREE_DISK_MB: '0',
        LIVEKIT_STANDIN_PORT: '0',
      },
      ['--expose-gc', ...(process.env.QA_BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [])],
    );
    const { url } = await nextMessage<Extract<ServerReport, { type: 'ready' }>>(server, 'ready');
    const baseUrl = url.replace('localhost', '127.0.0.1');

    const api = apiTarget(server, baseUrl, setup, writerTokens);
    if (pollsOnly) {
      console.log(`baseline: questions and votes to ${viewerCount} viewers…`);
      const many = await runPhase(`${viewerCount} viewers`, api, viewerTokens);
      console.log(`poll answers to ${viewerCount} viewers…`);
      const polls = await runPhase(
        'poll results',
        await pollTarget(server, baseUrl, setup, answerTokens),
        viewerTokens,
      );
      await stopServer(server);
      console.log('');
      describePhase(`${viewerCount} viewers, Q&A (baseline)`, many);
      describePollPhase(many, polls);
      return;
    }
    console.log('baseline: bare Redis pub/sub round trip…');
    const redis = await redisRoundTrip(200);
    console.log('baseline: PostgreSQL commit…');
    const commit = await postgresCommit(db, 200);
    console.log(`baseline: the same frames written to ${viewerCount} raw sockets…`);
    const floorChild = forkChild('qa-bench-floor.ts');
    const floorReady = await nextMessage<Extract<FloorReport, { type: 'ready' }>>(floorChild, 'ready');
    const floor = await runPhase('raw-socket floor', floorTarget(floorChild, floorReady.url), viewerTokens);
    floorChild.kill();
    console.log('baseline: 1 viewer…');
    const single = await runPhase('1 viewer', api, viewerTokens.slice(0, 1));
    console.log(`${viewerCount} viewers…`);
    const many = await runPhase(`${viewerCount} viewers`, api, viewerTokens);
    console.log(`poll answers to ${viewerCount} viewers…`);
    const polls = await runPhase(
      'poll results',
      await pollTarget(server, baseUrl, setup, answerTokens),
      viewerTokens,
    );

    await stopServer(server);

    const rssDelta = many.memoryConnected.rss - many.memoryBefore.rss;
    const heapDelta = many.memoryConnected.heapUsed - many.memoryBefore.heapUsed;
    const cpu = (m: PhaseResult['memoryAfter']) => m.cpuUserMs + m.cpuSystemMs;
    console.log('');
    console.log(
      `${'Redis pub/sub round trip (baseline)'.padEnd(34)} p50 ${ms(percentile(redis, 50)).padStart(9)}  p99 ${ms(percentile(redis, 99)).padStart(9)}  (${redis.length} messages)`,
    );
    console.log(
      `${'PostgreSQL commit (baseline)'.padEnd(34)} p50 ${ms(percentile(commit, 50)).padStart(9)}  p99 ${ms(percentile(commit, 99)).padStart(9)}  ` +
        `(one-row insert; ${values['async-commit'] ? 'synchronous_commit off' : 'synchronous_commit on'})`,
    );
    describePhase(`${viewerCount} raw sockets (floor)`, floor);
    describePhase('1 viewer (baseline)', single);
    describePhase(`${viewerCount} viewers`, many);
    describePollPhase(many, polls);
    console.log('');
    console.log(
      `ratios: ${viewerCount} viewers vs 1 viewer: p50 ${ratio(percentile(many.latencies, 50), percentile(single.latencies, 50))}, ` +
        `p99 ${ratio(percentile(many.latencies, 99), percentile(single.latencies, 99))}; ` +
        `1 viewer vs Redis round trip: p50 ${ratio(percentile(single.latencies, 50), percentile(redis, 50))}; ` +
        `${viewerCount} viewers vs Redis round trip: p99 ${ratio(percentile(many.latencies, 99), percentile(redis, 99))}; ` +
        `fan-out (first → last viewer) vs the raw-socket floor: p50 ${ratio(percentile(many.fanOut, 50), percentile(floor.fanOut, 50))}, ` +
        `p99 ${ratio(percentile(many.fanOut, 99), percentile(floor.fanOut, 99))}`,
    );
    console.log(
      `API process memory: RSS ${(many.memoryBefore.rss / 1e6).toFixed(0)} MB → ${(many.memoryConnected.rss / 1e6).toFixed(0)} MB ` +
        `with ${many.open} streams open = ${(rssDelta / many.open / 1024).toFixed(1)} KiB per connection ` +
        `(JS heap ${(heapDelta / many.open / 1024).toFixed(1)} KiB per connection); ` +
        `${(many.memoryAfter.rss / 1e6).toFixed(0)} MB after the writes`,
    );
    console.log(
      `API process CPU during the ${viewerCount}-viewer writes: ${((cpu(many.memoryAfter) - cpu(many.memoryConnected)) / 1000).toFixed(1)} s ` +
        `over ${many.writeSeconds.toFixed(1)} s; streams connected in ${(many.connectMs / 1000).toFixed(1)} s; ` +
        `viewers cut off: ${many.disconnected}; API event-loop delay p99 ${ms(many.memoryAfter.loopDelayP99Ms)}, ` +
        `max ${ms(many.memoryAfter.loopDelayMaxMs)}`,
    );
    console.log(`machine after: ${await machineLoad()}`);
    const p99 = Math.max(percentile(many.latencies, 99), percentile(polls.latencies, 99));
    const clean =
      many.lost === 0 &&
      many.duplicated === 0 &&
      single.lost === 0 &&
      single.duplicated === 0 &&
      polls.lost === 0 &&
      polls.duplicated === 0;
    console.log(
      `target (p99 under 500 ms, nothing lost or repeated): ${p99 < 500 && clean ? 'met' : 'NOT met'} (p99 ${ms(p99)})`,
    );
    if (!clean) process.exitCode = 1;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await db.close();
    await database.drop();
    await rm(tmp, { recursive: true, force: true });
  }
}

await main();
