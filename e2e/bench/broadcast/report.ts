import { readFile } from 'node:fs/promises';
import type { ViewerRequest } from './viewers.ts';

export interface OriginTraffic {
  requests: number;
  bytes: number;
  playlists: number;
  segments: number;
}

/**
 * What reached the origin through nginx between `from` and `to` (ms) for keys containing
 * `prefix`: one line per upstream request in origin.log (`$msec $upstream_cache_status
 * $upstream_status $upstream_bytes_received $uri $upstream_addr`), background refreshes included.
 */
export async function readOriginLog(
  file: string,
  prefix: string,
  from: number,
  to: number,
): Promise<OriginTraffic> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const traffic: OriginTraffic = { requests: 0, bytes: 0, playlists: 0, segments: 0 };
  for (const line of text.split('\n')) {
    const [msec, , status, bytes, uri] = line.split(' ');
    // A request answered from the cache while its background refresh went to the origin is
    // logged too, with no upstream status: the refresh has its own line.
    if (!uri?.includes(prefix) || status === '-') continue;
    const at = Number(msec) * 1000;
    if (at < from || at >= to) continue;
    traffic.requests += 1;
    // Several upstream attempts are listed with commas; each counts its bytes.
    traffic.bytes += (bytes ?? '').split(/[,:]\s*/).reduce((sum, part) => sum + (Number(part) || 0), 0);
    if (uri.endsWith('.m3u8')) traffic.playlists += 1;
    else if (uri.endsWith('.ts')) traffic.segments += 1;
  }
  return traffic;
}

/** Every viewer request reaches the origin when there is no cache in front. */
export function directOriginTraffic(requests: ViewerRequest[]): OriginTraffic {
  return {
    requests: requests.length,
    bytes: requests.reduce((sum, r) => sum + r.bytes, 0),
    playlists: requests.filter((r) => r.kind !== 'segment').length,
    segments: requests.filter((r) => r.kind === 'segment').length,
  };
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface PhaseResult {
  mode: 'cache' | 'direct';
  viewers: number;
  seconds: number;
  requests: ViewerRequest[];
  origin: OriginTraffic;
  viewerRssMiB: number;
  /** CPU of this process (the viewers, and the origin's thread) over the phase, % of one core. */
  benchCpuPercent: number;
  nginxRssMiB: number | null;
  /** nginx's CPU over the phase (starts included), % of one core. */
  nginxCpuPercent: number | null;
  streamLagP95Ms: number;
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

export function printTable(results: PhaseResult[]): void {
  const header = [
    'mode  ',
    '     N',
    'viewer req/s',
    ' failed',
    ' p50 ms',
    ' p95 ms',
    ' seg p95 ms',
    ' seg age p50/p95 s',
    ' origin req/s',
    ' origin MB/s',
    ' origin req/s/viewer',
    ' nginx CPU %',
    ' bench CPU %',
    ' RSS viewers/nginx MiB',
  ];
  console.log(header.join(' |'));
  for (const r of results) {
    const all = r.requests.map((q) => q.ms);
    const segments = r.requests.filter((q) => q.kind === 'segment');
    const ages = segments.flatMap((q) => (q.ageMs === undefined ? [] : [q.ageMs / 1000]));
    const failed = r.requests.filter((q) => !q.ok).length;
    const originRate = r.origin.requests / r.seconds;
    const row = [
      r.mode.padEnd(6),
      String(r.viewers).padStart(6),
      fixed(r.requests.length / r.seconds).padStart(12),
      String(failed).padStart(7),
      fixed(quantile(all, 0.5)).padStart(7),
      fixed(quantile(all, 0.95)).padStart(7),
      fixed(
        quantile(
          segments.map((q) => q.ms),
          0.95,
        ),
      ).padStart(11),
      `${fixed(quantile(ages, 0.5), 2)}/${fixed(quantile(ages, 0.95), 2)}`.padStart(18),
      fixed(originRate, 2).padStart(13),
      fixed(r.origin.bytes / r.seconds / 1e6, 2).padStart(12),
      fixed(originRate / r.viewers, 4).padStart(20),
      (r.nginxCpuPercent === null ? '–' : fixed(r.nginxCpuPercent)).padStart(12),
      fixed(r.benchCpuPercent, 0).padStart(12),
      `${fixed(r.viewerRssMiB, 0)}/${r.nginxRssMiB === null ? '–' : fixed(r.nginxRssMiB, 0)}`.padStart(22),
    ];
    console.log(row.join(' |'));
  }
}

/**
 * What failed, by mode, N, kind and outcome; and the rows whose viewers fell behind the live
 * edge (a segment older than three target durations at the median when it arrived): there the
 * machine running the viewers was the limit, not what they were fetching from.
 */
export function printFailuresAndLimits(results: PhaseResult[], segmentSeconds: number): void {
  for (const r of results) {
    const failures = new Map<string, number>();
    for (const q of r.requests)
      if (!q.ok) failures.set(`${q.kind} ${q.outcome}`, (failures.get(`${q.kind} ${q.outcome}`) ?? 0) + 1);
    if (failures.size > 0)
      console.log(
        `${r.mode} N=${r.viewers} failed: ${[...failures].map(([what, count]) => `${count}× ${what}`).join(', ')}`,
      );
    const ages = r.requests.flatMap((q) => (q.ageMs === undefined ? [] : [q.ageMs / 1000]));
    if (quantile(ages, 0.5) > 3 * segmentSeconds)
      console.log(
        `${r.mode} N=${r.viewers}: the viewers fell behind the live edge (segment age p50 ${fixed(quantile(ages, 0.5))} s, ${fixed(r.requests.length / r.seconds / r.viewers, 2)} req/s per viewer of ~1 due): this process could not keep up, so the row measures the machine, not the ${r.mode === 'cache' ? 'cache' : 'origin'}`,
      );
  }
}

/** The ratios: per viewer with and without the cache, and the cache's origin rate against N. */
export function printRatios(results: PhaseResult[], renditions: number, segmentSeconds: number): void {
  const cached = results.filter((r) => r.mode === 'cache');
  for (const direct of results.filter((r) => r.mode === 'direct')) {
    const same = cached.find((r) => r.viewers === direct.viewers);
    if (!same) continue;
    const perViewerDirect = direct.origin.requests / direct.seconds / direct.viewers;
    const perViewerCache = same.origin.requests / same.seconds / same.viewers;
    console.log(
      `N=${direct.viewers}: origin req/s per viewer ${fixed(perViewerDirect, 3)} without the cache, ${fixed(perViewerCache, 4)} with it (${fixed(perViewerDirect / perViewerCache, 0)}× fewer); origin bytes ${fixed(direct.origin.bytes / Math.max(1, same.origin.bytes), 0)}× fewer`,
    );
  }
  const expected = renditions * (1 + 1 / segmentSeconds);
  console.log(
    `with the cache, origin req/s against N (expected at most ~${fixed(expected)}: one playlist per rendition per second plus one segment per rendition per ${segmentSeconds} s):`,
  );
  for (const r of cached) {
    console.log(
      `  N=${String(r.viewers).padStart(5)}: ${fixed(r.origin.requests / r.seconds, 2)} req/s (${fixed(r.origin.playlists / r.seconds, 2)} playlists, ${fixed(r.origin.segments / r.seconds, 2)} segments), ${fixed(r.origin.bytes / r.seconds / 1e6, 2)} MB/s; viewers pulled ${fixed(r.requests.reduce((s, q) => s + q.bytes, 0) / r.seconds / 1e6, 1)} MB/s from nginx`,
    );
  }
}
