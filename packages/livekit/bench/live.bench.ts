/**
 * What one LiveKit node carries: one presenter publishing 720p30 video (simulcast) and 48 kHz
 * audio, and N attendees subscribed to both, all on this machine over loopback. The real
 * livekit-server runs on free ports; the presenter and the audience are rtc-node clients in
 * processes of their own (the audience spread over --processes of them). N is stepped up —
 * doubling, then halving the gap after the first step the node did not carry — bounded in steps
 * and time. Each step measures, over a fixed window after a warm-up: the server's CPU and the
 * load generator's (utime + stime from /proc/<pid>/stat), packet loss, bitrate, packets and
 * decoded frames per subscriber (rtc-node's WebRTC stats, inbound-rtp), and how many
 * subscribers get the top simulcast layer. A step is carried with loss under --max-loss, every
 * subscriber fed, nine in ten on the top layer, every join answered, server + generator under
 * --saturation of the machine's cores, and a generator that kept up (the presenter encoding and
 * the audience decoding at least --min-rate of the frames).
 *
 * The baseline, measured first in the same run, is the presenter alone: what the server spends
 * on receiving. The server's CPU per forwarded packet is fitted over the baseline and every step
 * the node delivered in full; with the packets one subscriber receives, that gives subscribers per
 * busy core, which is compared with LiveKit's published figures.
 *
 * rtc-node decodes every video track it subscribes to (libwebrtc does, whether or not frames are
 * read), so the audience's CPU includes a VP8 decoder per attendee: on a small machine the
 * generator, not the node, runs out first.
 *
 * Usage: pnpm bench:live [--first 5] [--max 160] [--steps 8] [--window 15] [--warmup 10]
 *        [--processes 2] [--max-loss 1] [--saturation 90] [--min-rate 67] [--resolution 2]
 *        [--time-limit 900] [--server path/to/livekit-server]
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createParticipantToken } from '../src/create-participant-token.ts';
import { clockTicksPerSecond, readMachineCpuTicks, readProcessCpuTicks } from '../src/load-test/proc-cpu.ts';
import { largestCarried, nextSubscriberCount, type StepOutcome } from '../src/load-test/step-search.ts';
import { liveKitServerBinary, liveKitServerVersion } from '../src/server-binary.ts';
import { type LiveKitServer, startLiveKitServer } from '../src/server-process.ts';
import { type BenchChild, startBenchChild } from './child-rpc.ts';
import type { AttendeeTicket, AudienceCommand, AudienceReply } from './live-audience.ts';
import type { PresenterCommand, PresenterReply } from './live-presenter.ts';
import { estimateCapacity, formatComparison, formatTable, generatorShare } from './live-report.ts';
import { measureStep, type Snapshot, type StepLimits, type StepRow } from './live-step.ts';
import { PRESENTER_VIDEO } from './synthetic-media.ts';

const optionsSchema = z
  .object({
    first: z.coerce.number().int().min(1).max(2_000),
    max: z.coerce.number().int().min(1).max(2_000),
    steps: z.coerce.number().int().min(1).max(20),
    window: z.coerce.number().min(3).max(300),
    warmup: z.coerce.number().min(2).max(120),
    processes: z.coerce.number().int().min(1).max(32),
    'max-loss': z.coerce.number().gt(0).max(100),
    saturation: z.coerce.number().gt(0).max(100),
    'min-rate': z.coerce.number().min(0).max(100),
    resolution: z.coerce.number().int().min(1).max(1_000),
    'time-limit': z.coerce.number().int().min(30).max(7_200),
    server: z.string().min(1).optional(),
  })
  .refine((o) => o.first <= o.max, { message: 'must not be above --max', path: ['first'] });

const { values } = parseArgs({
  options: {
    first: { type: 'string', default: '5' },
    max: { type: 'string', default: '160' },
    steps: { type: 'string', default: '8' },
    window: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '10' },
    processes: { type: 'string', default: String(Math.max(1, os.availableParallelism())) },
    'max-loss': { type: 'string', default: '1' },
    saturation: { type: 'string', default: '90' },
    'min-rate': { type: 'string', default: '67' },
    resolution: { type: 'string', default: '2' },
    'time-limit': { type: 'string', default: '900' },
    server: { type: 'string' },
  },
});
const parsed = optionsSchema.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`bench:live: --${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}
const options = parsed.data;

const ROOM = 'bench-live';
const JOIN_CONCURRENCY = 3;
const JOIN_TIMEOUT_MS = 30_000;
const credentials = { apiKey: 'APIbenchlive', apiSecret: randomBytes(24).toString('hex') };
const limits: StepLimits = {
  maxLoss: options['max-loss'] / 100,
  saturation: options.saturation / 100,
  cores: os.availableParallelism(),
  ticksPerSecond: clockTicksPerSecond(),
  targetFps: PRESENTER_VIDEO.fps,
  minRate: options['min-rate'] / 100,
};
/** Failures that are the node's: it did not deliver what it was sent. */
const NODE_FAILURES = ['loss', 'starved', 'layer', 'join'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

let server: LiveKitServer | undefined;
let presenter: BenchChild<PresenterCommand, PresenterReply> | undefined;
const audiences: Array<BenchChild<AudienceCommand, AudienceReply>> = [];
/** Who is in the room now, and in which audience process. */
const present: Array<{ identity: string; process: number }> = [];
let nextAttendee = 1;

async function shutDown(): Promise<void> {
  await Promise.all(audiences.map((audience) => audience.stop()));
  await presenter?.stop();
  await server?.stop();
}

// Bounded in time whatever happens: the children and the server go with us.
const deadline = setTimeout(() => {
  console.error(`bench:live: still running after ${options['time-limit']} s; stopping`);
  void shutDown().finally(() => process.exit(2));
}, options['time-limit'] * 1_000);
deadline.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench:live: ${signal}; stopping`);
    void shutDown().finally(() => process.exit(130));
  });
}

function serverBinary(): { path: string; version: string } {
  if (options.server) {
    const version = liveKitServerVersion(options.server);
    if (!version) throw new Error(`${options.server} --version does not run`);
    return { path: options.server, version };
  }
  const found = liveKitServerBinary();
  if (!found.path) throw new Error(found.reason);
  return found;
}

async function ticket(identity: string): Promise<AttendeeTicket> {
  const token = await createParticipantToken(credentials, {
    room: ROOM,
    identity,
    name: identity,
    role: 'attendee',
    ttlSeconds: 3_600,
  });
  return { identity, token };
}

/** Joins or sends away attendees until `count` are in the room; returns how many joins failed. */
async function setAudience(count: number): Promise<number> {
  if (count < present.length) {
    const leaving = present.splice(count);
    await Promise.all(
      audiences.map((audience, index) =>
        audience.call({
          type: 'leave',
          identities: leaving.filter((a) => a.process === index).map((a) => a.identity),
        }),
      ),
    );
    return 0;
  }
  const joining = Array.from({ length: count - present.length }, (_, i) => ({
    identity: `reg_bench${nextAttendee + i}`,
    process: (present.length + i) % audiences.length,
  }));
  nextAttendee += joining.length;
  let failed = 0;
  await Promise.all(
    audiences.map(async (audience, index) => {
      const mine = joining.filter((a) => a.process === index);
      if (!mine.length) return;
      const reply = await audience.call({
        type: 'join',
        url: server?.url ?? '',
        tickets: await Promise.all(mine.map((a) => ticket(a.identity))),
        concurrency: JOIN_CONCURRENCY,
        timeoutMs: JOIN_TIMEOUT_MS,
      });
      if (reply.type !== 'joined') throw new Error(`audience answered ${reply.type} to join`);
      const joined = new Set(reply.joined);
      present.push(...mine.filter((a) => joined.has(a.identity)));
      failed += reply.failed.length;
      for (const failure of reply.failed.slice(0, 3)) console.error(`  join failed: ${failure.error}`);
    }),
  );
  return failed;
}

async function snapshot(): Promise<Snapshot> {
  if (!server?.process.pid || !presenter) throw new Error('the bench is not running');
  const [audienceStats, presenterStats] = await Promise.all([
    Promise.all(audiences.map((audience) => audience.call({ type: 'stats' }))),
    presenter.call({ type: 'stats' }),
  ]);
  if (presenterStats.type !== 'stats') throw new Error(`presenter answered ${presenterStats.type} to stats`);
  return {
    atMs: performance.now(),
    serverTicks: readProcessCpuTicks(server.process.pid),
    presenterTicks: readProcessCpuTicks(presenter.pid),
    audienceTicks: audiences.reduce((sum, audience) => sum + readProcessCpuTicks(audience.pid), 0),
    machine: readMachineCpuTicks(),
    attendees: audienceStats.flatMap((reply) => (reply.type === 'stats' ? reply.attendees : [])),
    sent: presenterStats.video,
    audioRefused: presenterStats.audioFramesRefused,
  };
}

/** Waits the warm-up, then up to as long again until nine in ten attendees get the top layer. */
async function warmUp(): Promise<void> {
  await sleep(options.warmup * 1_000);
  const until = performance.now() + options.warmup * 1_000;
  while (performance.now() < until) {
    const now = await snapshot();
    const top = now.sent.layers[0]?.width ?? 0;
    const onTop = now.attendees.filter((a) => a.video?.frameWidth === top).length;
    if (onTop >= now.attendees.length * 0.9) return;
    await sleep(2_000);
  }
}

async function measure(joinFailures: number): Promise<StepRow> {
  await warmUp();
  const before = await snapshot();
  await sleep(options.window * 1_000);
  const after = await snapshot();
  return measureStep(before, after, joinFailures, limits);
}

function printRow(row: StepRow): void {
  const verdict = row.failures.length ? `not carried (${row.failures.join(', ')})` : 'carried';
  console.log(
    `  ${String(row.subscribers).padStart(4)} subscribers: loss ${(row.loss.overall * 100).toFixed(2)} %, ` +
      `server ${(row.serverCores * 100).toFixed(0)} % of a core, generator ${((row.presenterCores + row.audienceCores) * 100).toFixed(0)} %` +
      `${row.audioRefused ? `, ${row.audioRefused} microphone frames refused by the source` : ''}: ${verdict}`,
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const binary = serverBinary();
  console.log(
    `bench:live: livekit-server ${binary.version}, ${limits.cores} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `presenter ${PRESENTER_VIDEO.width}x${PRESENTER_VIDEO.height}@${PRESENTER_VIDEO.fps} simulcast ≤ ${PRESENTER_VIDEO.maxBitrate / 1e6} Mbit/s + 48 kHz tone, ` +
      `audience in ${options.processes} processes, window ${options.window} s after ≥ ${options.warmup} s warm-up`,
  );
  server = await startLiveKitServer({ ...credentials, binary: binary.path });
  presenter = await startBenchChild<PresenterCommand, PresenterReply>(here('./live-presenter.ts'), {
    type: 'stop',
  });
  const presenterToken = await createParticipantToken(credentials, {
    room: ROOM,
    identity: 'staff_bench_presenter',
    name: 'Presenter',
    role: 'presenter',
    ttlSeconds: 3_600,
  });
  await presenter.call({ type: 'publish', url: server.url, token: presenterToken });
  for (let i = 0; i < options.processes; i++) {
    audiences.push(
      await startBenchChild<AudienceCommand, AudienceReply>(here('./live-audience.ts'), { type: 'stop' }),
    );
  }

  const baseline = await measure(0);
  console.log(
    `  presenter alone: server ${(baseline.serverCores * 100).toFixed(1)} % of a core, presenter ${(baseline.presenterCores * 100).toFixed(0)} %, ` +
      `sending ${baseline.sentHeight}p at ${baseline.sentFps.toFixed(1)} fps (limitation: ${baseline.limitation})`,
  );
  const rows: StepRow[] = [];
  const outcomes: StepOutcome[] = [];
  const plan = {
    first: options.first,
    max: options.max,
    maxSteps: options.steps,
    resolution: options.resolution,
  };
  const stepBudgetMs = (options.warmup * 2 + options.window + 30) * 1_000;
  for (
    let n = nextSubscriberCount(outcomes, plan);
    n !== undefined;
    n = nextSubscriberCount(outcomes, plan)
  ) {
    if (performance.now() - started + stepBudgetMs > options['time-limit'] * 1_000 - 20_000) {
      console.log(`  (stopping: another step would not fit in --time-limit ${options['time-limit']} s)`);
      break;
    }
    const joinFailures = await setAudience(n);
    const row = await measure(joinFailures);
    rows.push(row);
    outcomes.push({ subscribers: n, carried: row.failures.length === 0 });
    printRow(row);
  }
  await shutDown();
  report(baseline, rows, outcomes, (performance.now() - started) / 1_000);
}

function report(baseline: StepRow, rows: StepRow[], outcomes: StepOutcome[], seconds: number): void {
  const sorted = [...rows].sort((a, b) => a.subscribers - b.subscribers);
  console.log(`\n${formatTable([baseline, ...sorted], baseline)}`);
  console.log(
    '\n  %cpu in % of one core; %cpu/sub = (server − baseline) / subscribers; µs/pkt = the same over the packets forwarded;' +
      '\n  gen share = presenter + audience over all the bench used; machine = every process on the machine, others included;' +
      "\n  sent = the presenter's top layer, frames encoded per second and its encoder's limitation; the first line is the presenter alone.",
  );
  if (baseline.failures.includes('generator')) {
    console.log(
      `  the presenter alone encoded ${baseline.sentFps.toFixed(1)} of ${PRESENTER_VIDEO.fps} fps: this machine is too busy for the load asked of it`,
    );
  }
  const best = largestCarried(outcomes);
  const bestRow = sorted.find((row) => row.subscribers === best);
  const firstFailed = sorted.find((row) => row.subscribers > best && row.failures.length > 0);
  const byGenerator = firstFailed?.failures.every((f) => f === 'generator' || f === 'cpu');
  console.log(
    `\n  largest N carried: ${best}${firstFailed ? `; at ${firstFailed.subscribers}: ${firstFailed.failures.join(', ')}${byGenerator ? ' (the load generator or the machine, not the node)' : ''}` : ''} — ${rows.length} steps in ${seconds.toFixed(0)} s`,
  );
  if (bestRow) {
    const generator = bestRow.presenterCores + bestRow.audienceCores;
    console.log(
      `  at N = ${best}: server ${(bestRow.serverCores * 100).toFixed(1)} % of a core ` +
        `(${(((bestRow.serverCores - baseline.serverCores) / best) * 100).toFixed(2)} % per subscriber above the baseline), ` +
        `load generator ${(generator * 100).toFixed(0)} % = ${(generatorShare(bestRow) * 100).toFixed(0)} % of the bench's CPU, ` +
        `${(generator / Math.max(bestRow.serverCores, 1e-9)).toFixed(1)}× the server's`,
    );
  }
  // The server's work is measured wherever it delivered everything, even where the generator lagged.
  const delivered = sorted.filter((row) => !row.failures.some((f) => NODE_FAILURES.includes(f)));
  const capacity = estimateCapacity(baseline, delivered);
  if (!capacity) {
    console.log("  too few steps delivered in full to fit the server's CPU per packet");
    return;
  }
  console.log(
    `  server CPU over the baseline and the ${delivered.length} steps delivered in full (no loss, layer, starved or join failure): ` +
      `${(capacity.baseCores * 100).toFixed(1)} % of a core + ${capacity.microsecondsPerPacket.toFixed(1)} µs per forwarded packet` +
      `\n  → about ${capacity.subscribersPerCore.toFixed(0)} subscribers per busy core at ${capacity.packetsPerSubscriber.toFixed(0)} packets/s ` +
      `and ${capacity.mbpsPerSubscriber.toFixed(2)} Mbit/s each (the fullest step)`,
  );
  console.log(
    "\n  against LiveKit's published benchmark (1 publisher, 3,000 subscribers, c2-standard-16 at 92 % CPU):",
  );
  console.log(formatComparison(capacity));
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`bench:live: ${error instanceof Error ? error.message : String(error)}`);
    await shutDown().catch(() => undefined);
    process.exit(1);
  },
);
