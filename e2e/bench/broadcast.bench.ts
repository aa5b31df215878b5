/**
 * Viewers of a live broadcast through a caching reverse proxy, as a CDN would sit in front of
 * the public bucket. In one run, on loopback:
 *   - the origin: the embedded S3-protocol server with the public bucket, and a live stream
 *     that really advances: every 2 s a new segment per rendition of the ladder (real MPEG-TS
 *     cut once with ffmpeg at each rendition's bitrate), then that rendition's live playlist
 *     (sliding window, media sequence, program date-time), with the recorder's Cache-Control;
 *   - the cache: nginx (Debian's) on infra/nginx/public-cache.conf, the production file;
 *   - N viewers (undici, keep-alive) that play as hls.js does: the multivariant playlist once,
 *     a rendition (60 % 720p, 30 % 360p, 10 % audio), its playlist every target duration, each
 *     new segment once; starts spread over 4 s.
 * Per N it measures, after the starts: requests and bytes per second reaching the origin (nginx's
 * log of upstream requests; without the cache every viewer request is one), the viewers' request
 * rate, failures, p50/p95 latency and how old a segment is when it arrives, nginx's CPU and
 * memory, this process's CPU (a row whose viewers fell behind measured the machine, and says
 * so); without the cache too, for the smaller N. It stops by itself and stops what it started.
 * Usage: pnpm bench:broadcast [--viewers 10,100,1000] [--seconds 20] [--direct-max 100] [--quick]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BROADCAST_SEGMENT_SECONDS, broadcastRenditions } from '@folkemote/domain';
import { startCachedBucket } from '../src/cached-bucket.ts';
import { findNginx } from '../src/public-cache-nginx.ts';
import { prepareSegments } from './broadcast/live-stream.ts';
import { type PhaseContext, runPhase } from './broadcast/phase.ts';
import { type PhaseResult, printFailuresAndLimits, printRatios, printTable } from './broadcast/report.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    viewers: { type: 'string' },
    seconds: { type: 'string' },
    'direct-max': { type: 'string', default: '100' },
    connections: { type: 'string', default: '1024' },
    quick: { type: 'boolean', default: false },
  },
});
const viewerCounts = (values.viewers ?? (values.quick ? '10,100' : '10,100,1000')).split(',').map(Number);
const seconds = Number(values.seconds ?? (values.quick ? '8' : '20'));
const directMax = Number(values['direct-max']);
const connections = Number(values.connections);
if (!viewerCounts.every((n) => Number.isInteger(n) && n >= 1 && n <= 5000))
  throw new Error('--viewers must list whole numbers between 1 and 5000');
if (!(seconds >= 4 && seconds <= 120)) throw new Error('--seconds must be between 4 and 120');
if (!(connections >= 1 && connections <= 5000)) throw new Error('--connections must be between 1 and 5000');

const nginx = findNginx();
if (!nginx)
  throw new Error(
    'nginx is not installed; scripts/bootstrap.sh installs it (apt-get install nginx-light). The bench measures nginx, and runs no stand-in.',
  );

const cleanups: Array<() => Promise<unknown>> = [];
const cleanUp = async () => {
  while (cleanups.length > 0) await cleanups.pop()!().catch((error: unknown) => console.error(error));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`\n${signal}: stopping nginx and the S3-protocol server…`);
    void cleanUp().finally(() => process.exit(130));
  });

try {
  const segmentBytes = await prepareSegments(
    path.join(root, '.bench', 'broadcast-segments'),
    '/work/shared/media/make-webinar-clip.sh',
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'folkemote-broadcast-bench-'));
  if (!process.env.KEEP_BENCH_DIR) cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const bucket = 'bench-public';
  const { s3, client, proxy, stop } = await startCachedBucket(nginx, dir, bucket);
  cleanups.push(stop);
  console.log(
    `origin ${s3.endpoint}/${bucket} (s3rver${s3.onThread ? ' on its own thread' : ''}), nginx ${proxy.url} (pid ${proxy.pid}); ${seconds} s measured per N after 4 s of starts`,
  );
  const sizes = broadcastRenditions.map((r) => {
    const bytes = segmentBytes.get(r.name)!;
    return `${r.name} ${(bytes.reduce((s, b) => s + b.byteLength, 0) / bytes.length / 1024).toFixed(0)} KiB`;
  });
  console.log(`segments (${BROADCAST_SEGMENT_SECONDS} s, real MPEG-TS): ${sizes.join(', ')} on average`);

  const context: PhaseContext = { client, bucket, segmentBytes, s3, proxy, seconds, connections };
  const results: PhaseResult[] = [];
  for (const viewers of viewerCounts) {
    if (viewers <= directMax) results.push(await runPhase(context, 'direct', viewers));
    results.push(await runPhase(context, 'cache', viewers));
  }
  console.log('');
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores (the viewers, the origin and nginx share them)`,
  );
  printTable(results);
  printFailuresAndLimits(results, BROADCAST_SEGMENT_SECONDS);
  console.log('');
  printRatios(results, broadcastRenditions.length, BROADCAST_SEGMENT_SECONDS);
} finally {
  await cleanUp();
}
