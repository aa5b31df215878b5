import { fitLine } from '../src/load-test/linear-fit.ts';
import type { StepRow } from './live-step.ts';

/**
 * LiveKit's own figures for one 720p publisher and many subscribers ("Livestreaming" in the
 * Benchmarks page of the self-hosting docs, docs.livekit.io/home/self-hosting/benchmark):
 * `lk load-test --video-publishers 1 --subscribers 3000` against a c2-standard-16 (16 vCPUs) on
 * Google Cloud; 233 kB/s in, 531 MB/s out, 246 / 560,962 packets/s in/out, 92 % CPU.
 */
export const LIVEKIT_PUBLISHED = {
  subscribers: 3_000,
  vcpus: 16,
  cpuShare: 0.92,
  bytesOutPerSecond: 531e6,
  packetsOutPerSecond: 560_962,
} as const;

const pad = (text: string, width: number) => text.padStart(width);
const pct = (share: number, digits = 1) => `${(share * 100).toFixed(digits)}`;

const COLUMNS: Array<[title: string, width: number, cell: (row: StepRow, baseline: StepRow) => string]> = [
  ['subs', 5, (r) => String(r.subscribers)],
  ['video kb/s', 10, (r) => r.videoKbps.toFixed(0)],
  ['audio kb/s', 10, (r) => r.audioKbps.toFixed(0)],
  ['pkt/s', 6, (r) => r.packetsPerSecond.toFixed(0)],
  ['fps', 5, (r) => r.fps.toFixed(1)],
  ['loss %', 6, (r) => pct(r.loss.overall, 2)],
  ['worst %', 7, (r) => pct(r.loss.worst, 2)],
  ['top layer', 9, (r) => `${r.onTopLayer}/${r.subscribers}`],
  ['server %cpu', 11, (r) => pct(r.serverCores)],
  ['%cpu/sub', 8, (r, b) => (r.subscribers ? pct((r.serverCores - b.serverCores) / r.subscribers, 2) : '-')],
  ['µs/pkt', 6, (r, b) => (r.subscribers ? microsecondsPerPacket(r, b).toFixed(1) : '-')],
  ['presenter %', 11, (r) => pct(r.presenterCores)],
  ['audience %', 10, (r) => pct(r.audienceCores)],
  ['gen share', 9, (r) => pct(generatorShare(r), 0)],
  ['machine %', 9, (r) => pct(r.machineCores)],
  [
    'sent',
    12,
    (r) => `${r.sentHeight}p${r.sentFps.toFixed(0)} ${r.limitation === 'none' ? '' : r.limitation}`.trim(),
  ],
  ['verdict', 14, (r) => (r.failures.length ? r.failures.join(',') : r.subscribers ? 'carried' : 'baseline')],
];

/** The load generator's (presenter and audience) share of the CPU the bench used. */
export function generatorShare(row: StepRow): number {
  const generator = row.presenterCores + row.audienceCores;
  const total = generator + row.serverCores;
  return total > 0 ? generator / total : 0;
}

/** One line per step; CPU in % of one core, as top shows it. */
export function formatTable(rows: readonly StepRow[], baseline: StepRow): string {
  const header = COLUMNS.map(([title, width]) => pad(title, width)).join(' ');
  const lines = rows.map((row) =>
    COLUMNS.map(([, width, cell]) => pad(cell(row, baseline), width)).join(' '),
  );
  return [header, ...lines].join('\n');
}

/** The server's CPU per packet it forwarded, above what the presenter alone costs it. */
export function microsecondsPerPacket(row: StepRow, baseline: StepRow): number {
  const packets = row.packetsPerSecond * row.subscribers;
  return packets > 0 ? ((row.serverCores - baseline.serverCores) / packets) * 1e6 : 0;
}

export interface Capacity {
  /** Server CPU per forwarded packet, from the fitted line. */
  microsecondsPerPacket: number;
  /** Server CPU (cores) with the presenter alone, from the fitted line. */
  baseCores: number;
  /** What one subscriber receives at the presenter's full rate (the best carried step). */
  packetsPerSubscriber: number;
  mbpsPerSubscriber: number;
  /** Subscribers one core forwards to at that rate. */
  subscribersPerCore: number;
}

/**
 * The server's cost per forwarded packet: a line through the baseline and the carried steps,
 * server CPU against packets forwarded per second. Per packet rather than per subscriber, because
 * on a shared machine the presenter's rate moves from step to step, and an SFU's work follows
 * the packets (LiveKit's benchmark page says as much).
 */
export function estimateCapacity(baseline: StepRow, carried: readonly StepRow[]): Capacity | undefined {
  const points = [baseline, ...carried].map(
    (row) => [row.packetsPerSecond * row.subscribers, row.serverCores] as const,
  );
  const line = fitLine(points);
  if (!line || line.slope <= 0 || carried.length === 0) return undefined;
  const fullest = carried.reduce((best, row) => (row.packetsPerSecond > best.packetsPerSecond ? row : best));
  return {
    microsecondsPerPacket: line.slope * 1e6,
    baseCores: line.intercept,
    packetsPerSubscriber: fullest.packetsPerSecond,
    mbpsPerSubscriber: (fullest.videoKbps + fullest.audioKbps) / 1_000,
    subscribersPerCore: 1 / (line.slope * fullest.packetsPerSecond),
  };
}

export function formatComparison(capacity: Capacity): string {
  const published = LIVEKIT_PUBLISHED;
  const usedCores = published.vcpus * published.cpuShare;
  const theirs = {
    microsecondsPerPacket: (usedCores / published.packetsOutPerSecond) * 1e6,
    subscribersPerCore: published.subscribers / usedCores,
    mbpsPerCore: (published.bytesOutPerSecond * 8) / 1e6 / usedCores,
    packetsPerSubscriber: published.packetsOutPerSecond / published.subscribers,
    mbpsPerSubscriber: (published.bytesOutPerSecond * 8) / 1e6 / published.subscribers,
  };
  const ours = {
    subscribersAtTheirRate: 1e6 / (capacity.microsecondsPerPacket * theirs.packetsPerSubscriber),
    mbpsPerCore: capacity.subscribersPerCore * capacity.mbpsPerSubscriber,
  };
  const line = (label: string, mine: number, their: number, digits = 0) =>
    `  ${label.padEnd(44)} ${mine.toFixed(digits).padStart(8)} ${their.toFixed(digits).padStart(8)}   ${(mine / their).toFixed(2)}×`;
  return [
    `  ${''.padEnd(44)} ${'here'.padStart(8)} ${'LiveKit'.padStart(8)}   ratio`,
    line(
      'server CPU per forwarded packet (µs)',
      capacity.microsecondsPerPacket,
      theirs.microsecondsPerPacket,
      1,
    ),
    line('packets/s per subscriber', capacity.packetsPerSubscriber, theirs.packetsPerSubscriber),
    line('Mbit/s per subscriber', capacity.mbpsPerSubscriber, theirs.mbpsPerSubscriber, 2),
    line('subscribers per busy core, at our rate', capacity.subscribersPerCore, theirs.subscribersPerCore),
    line(
      "subscribers per busy core, at LiveKit's rate",
      ours.subscribersAtTheirRate,
      theirs.subscribersPerCore,
    ),
    line('Mbit/s forwarded per busy core', ours.mbpsPerCore, theirs.mbpsPerCore),
  ].join('\n');
}
