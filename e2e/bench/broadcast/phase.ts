import { randomUUID } from 'node:crypto';
import type { createS3Client, EmbeddedS3 } from '@folkemote/storage';
import type { RunningNginx } from '../../src/public-cache-nginx.ts';
import { type SegmentBytes, startLiveStream } from './live-stream.ts';
import { cpuSeconds, processTree, residentMiB } from './process-stats.ts';
import { directOriginTraffic, type PhaseResult, quantile, readOriginLog } from './report.ts';
import { runViewers } from './viewers.ts';

type S3Client = ReturnType<typeof createS3Client>;

export interface PhaseContext {
  client: S3Client;
  bucket: string;
  segmentBytes: SegmentBytes;
  s3: EmbeddedS3;
  proxy: RunningNginx;
  /** Measured seconds per phase, after the starts. */
  seconds: number;
  connections: number;
}

/** Viewers start over this long; the measurement begins when the last has started. */
const STAGGER_MS = 4_000;

/**
 * One N in one mode: a fresh broadcast (a new id, so the cache starts cold as for a new
 * stream), N viewers on nginx or straight on the origin, and what reached the origin meanwhile.
 */
export async function runPhase(
  context: PhaseContext,
  mode: 'cache' | 'direct',
  viewers: number,
): Promise<PhaseResult> {
  const stream = await startLiveStream({
    client: context.client,
    bucket: context.bucket,
    broadcastId: randomUUID(),
    segmentBytes: context.segmentBytes,
    preroll: 3,
  });
  const base = mode === 'cache' ? context.proxy.url : `${context.s3.endpoint}/${context.bucket}`;
  const start = Date.now();
  const from = start + STAGGER_MS;
  const until = from + context.seconds * 1000;
  const nginxPids = await processTree(context.proxy.pid);
  const cpuBefore = await cpuSeconds(nginxPids);
  const processCpuBefore = process.cpuUsage();
  let viewerRss = 0;
  const sampler = setInterval(() => {
    viewerRss = Math.max(viewerRss, process.memoryUsage().rss);
  }, 500);
  let run: Awaited<ReturnType<typeof runViewers>>;
  try {
    run = await runViewers({
      streamUrl: `${base}/${stream.prefix}`,
      viewers,
      staggerMs: STAGGER_MS,
      until,
      connections: Math.min(viewers, context.connections),
    });
  } finally {
    clearInterval(sampler);
    await stream.stop();
  }
  const cpuAfter = await cpuSeconds(nginxPids);
  const processCpu = process.cpuUsage(processCpuBefore);
  const phaseSeconds = (Date.now() - start) / 1000;
  const nginxRss = await residentMiB(nginxPids);
  const measured = run.requests.filter((r) => r.at >= from && r.at < until);
  // nginx writes its log line when a request ends; give the last ones a moment.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const origin =
    mode === 'cache'
      ? await readOriginLog(context.proxy.originLog, stream.prefix, from, until)
      : directOriginTraffic(measured);
  const lags = stream.lags();
  const mix = [...run.picked].map(([name, count]) => `${name} ${count}`).join(', ');
  console.log(
    `${mode} N=${viewers} (${mix}): ${measured.length} requests in ${context.seconds} s, ${origin.requests} reached the origin; stream wrote ${stream.segments()} segments per rendition, write lag p95 ${quantile(lags, 0.95).toFixed(0)} ms`,
  );
  return {
    mode,
    viewers,
    seconds: context.seconds,
    requests: measured,
    origin,
    viewerRssMiB: viewerRss / 1024 ** 2,
    benchCpuPercent: (100 * (processCpu.user + processCpu.system)) / 1e6 / phaseSeconds,
    nginxRssMiB: mode === 'cache' ? nginxRss : null,
    nginxCpuPercent:
      mode === 'cache' && cpuBefore !== null && cpuAfter !== null
        ? (100 * (cpuAfter - cpuBefore)) / phaseSeconds
        : null,
    streamLagP95Ms: quantile(lags, 0.95),
  };
}
