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
  ['presenter %', 11, (r) => pct(r.presenterCores)],
  ['audience %', 10, (r) => pct(r.audienceCores)],
  ['gen share', 9, (r) => pct(generatorShare(r), 0)],
  ['machine %', 9, (r) => pct(r.machineCores)],
  [
    'sent',
    12,
    (r) => `${r.sentHeight}p${r.sentFps.toFixed(0)} ${r.limitation === 'none' ? '' : r.limitation}`.trim(),
  ],
  ['verdict', 14, (r) => (r.failures.length ? r.failures.join(',') : 'carried')],
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

export interface Capacity {
  /** Server CPU (cores) for each further subscriber, from the fitted line. */
  coresPerSubscriber: number;
  /** Server CPU (cores) with the publisher alone, from the fitted line. */
  baseCores: number;
  subscribersPerCore: number;
  packetsPerSubscriber: number;
  mbpsPerSubscriber: number;
}

/** The server's cost per subscriber: a line through the baseline and the steps it carried. */
export function estimateCapacity(baseline: StepRow, carried: readonly StepRow[]): Capacity | undefined {
  const line = fitLine([baseline, ...carried].map((row) => [row.subscribers, row.serverCores] as const));
  if (!line || line.slope <= 0 || carried.length === 0) return undefined;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    coresPerSubscriber: line.slope,
    baseCores: line.intercept,
    subscribersPerCore: 1 / line.slope,
    packetsPerSubscriber: mean(carried.map((r) => r.packetsPerSecond)),
    mbpsPerSubscriber: mean(carried.map((r) => (r.videoKbps + r.audioKbps) / 1_000)),
  };
}

export function formatComparison(capacity: Capacity): string {
  const published = LIVEKIT_PUBLISHED;
  const usedCores = published.vcpus * published.cpuShare;
  const theirs = {
    subscribersPerCore: published.subscribers / usedCores,
    packetsPerCore: published.packetsOutPerSecond / usedCores,
    mbpsPerCore: (published.bytesOutPerSecond * 8) / 1e6 / usedCores,
    packetsPerSubscriber: published.packetsOutPerSecond / published.subscribers,
    mbpsPerSubscriber: (published.bytesOutPerSecond * 8) / 1e6 / published.subscribers,
  };
  const ours = {
    subscribersPerCore: capacity.subscribersPerCore,
    packetsPerCore: capacity.subscribersPerCore * capacity.packetsPerSubscriber,
    mbpsPerCore: capacity.subscribersPerCore * capacity.mbpsPerSubscriber,
  };
  const line = (label: string, mine: number, their: number, digits = 0) =>
    `  ${label.padEnd(34)} ${mine.toFixed(digits).padStart(8)} ${their.toFixed(digits).padStart(8)}   ${(mine / their).toFixed(2)}×`;
  return [
    `  ${''.padEnd(34)} ${'here'.padStart(8)} ${'LiveKit'.padStart(8)}   ratio`,
    line('subscribers per busy core', ours.subscribersPerCore, theirs.subscribersPerCore),
    line('packets/s sent per busy core', ours.packetsPerCore, theirs.packetsPerCore),
    line('Mbit/s sent per busy core', ours.mbpsPerCore, theirs.mbpsPerCore),
    line('packets/s per subscriber', capacity.packetsPerSubscriber, theirs.packetsPerSubscriber),
    line('Mbit/s per subscriber', capacity.mbpsPerSubscriber, theirs.mbpsPerSubscriber, 2),
  ].join('\n');
}
