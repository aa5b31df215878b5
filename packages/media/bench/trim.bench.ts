/**
 * Trim benchmark: the smart cut (GOPs copied, only the pictures from a cut to the next keyframe
 * re-encoded) against re-encoding the whole trimmed result (libx264 with the preset and CRF of
 * the ladder's encoded renditions), on the same 1080p webinar-like recording with 3 cuts off the
 * keyframes, in the same run; then the SSIM of each result against the source in a 2 s window
 * after each cut, aligned by the time mapping.
 *
 *   pnpm bench:trim [--minutes 60] [--quick]   (--quick: a 2-minute recording, for CI-sized runs)
 *
 * The recording is made once with /work/shared/media/make-webinar-clip.sh and cached in
 * .data/bench; one longer than 2 minutes is a 2-minute clip joined to itself by stream copy (the
 * script makes 1080p at a fifth of real time on a loaded 2-core machine).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { keptRanges, type TimeRange } from '@folkemote/domain';
import { LADDER_X264, runSmartCut, type SmartCutResult } from '../src/index.ts';
import { readFrames, ssimOfPairs } from '../src/measure/index.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const BENCH_DIR = join(ROOT, '.data/bench');
const CLIP_MAKER = '/work/shared/media/make-webinar-clip.sh';
// A longer recording is this block joined to itself by stream copy: the same coding throughout, made in minutes.
const BLOCK_SECONDS = 120;
const SSIM_SIZE = { width: 640, height: 360 };

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '60' }, quick: { type: 'boolean', default: false } },
});
const seconds = values.quick ? 120 : Math.round(Number(values.minutes) * 60);

async function makeClip(secs: number): Promise<string> {
  const file = join(BENCH_DIR, `webinar-${secs}s-1920x1080-30fps.mp4`);
  if (existsSync(file)) return file;
  await mkdir(BENCH_DIR, { recursive: true });
  if (secs <= BLOCK_SECONDS) {
    console.log(`making a ${secs} s 1080p test recording (cached in .data/bench) …`);
    await run(CLIP_MAKER, [`${file}.tmp.mp4`, String(secs), '1920x1080', '30'], { maxBuffer: 1 << 24 });
  } else {
    await makeClip(BLOCK_SECONDS);
    const list = join(BENCH_DIR, `join-${secs}.ffconcat`);
    const n = Math.ceil(secs / BLOCK_SECONDS);
    await writeFile(
      list,
      `ffconcat version 1.0\n${`file webinar-${BLOCK_SECONDS}s-1920x1080-30fps.mp4\n`.repeat(n)}`,
    );
    console.log(`joining ${n} × ${BLOCK_SECONDS} s into ${secs} s (stream copy) …`);
    await run('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '1', '-i', list],
      ...['-t', String(secs), '-c', 'copy', '-movflags', '+faststart', `${file}.tmp.mp4`],
    ]);
  }
  await run('mv', [`${file}.tmp.mp4`, file]);
  return file;
}

/** Three cuts, none on a keyframe (every 2 s): the start, a break in the middle, one near the end. */
function benchCuts(d: number): TimeRange[] {
  const at = (f: number, offset: number) => Math.round((Math.floor((d * f) / 2) * 2 + offset) * 1000) / 1000;
  return [
    { start: 0, end: at(0.05, 0.37) },
    { start: at(0.4, 1.13), end: at(0.45, 0.71) },
    { start: at(0.8, 0.53), end: at(0.82, 1.29) },
  ];
}

async function timed(label: string, source: string, kept: TimeRange[], reencode?: readonly string[]) {
  const dir = join(BENCH_DIR, `trim-${label}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const started = performance.now();
  const result = await runSmartCut(
    { path: source, demuxer: 'mov' },
    { kept, workDir: dir, stallTimeoutMs: 300_000, reencode },
  );
  return { result, seconds: (performance.now() - started) / 1000 };
}

/** Mean SSIM of the 2 s after each cut: the trimmed result at its time against the source at the kept range's start. */
async function ssimAfterCuts(source: string, out: SmartCutResult): Promise<number[]> {
  const means: number[] = [];
  let offset = 0;
  for (const range of out.kept) {
    const window = Math.min(2, range.end - range.start);
    const mine = await readFrames(out.file.path, SSIM_SIZE, { fromSeconds: offset + 0.001, seconds: window });
    const theirs = await readFrames(source, SSIM_SIZE, { fromSeconds: range.start + 0.001, seconds: window });
    const n = Math.min(mine.length, theirs.length);
    const pairs = Array.from({ length: n }, (_, i) => [mine[i]!, theirs[i]!] as [Uint8Array, Uint8Array]);
    const ssim = await ssimOfPairs(BENCH_DIR, SSIM_SIZE, pairs);
    means.push(ssim.reduce((s, v) => s + v, 0) / Math.max(1, ssim.length));
    offset += range.end - range.start;
  }
  return means;
}

async function main() {
  console.log(
    `trim bench: ${seconds} s of 1080p30, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`,
  );
  const source = await makeClip(seconds);
  const probe = JSON.parse(
    (await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'json', source])).stdout,
  ) as { format: { duration: string } };
  const duration = Number(probe.format.duration);
  const cuts = benchCuts(duration);
  const kept = keptRanges(cuts, duration);
  console.log(`cuts: ${cuts.map((c) => `${c.start.toFixed(3)}–${c.end.toFixed(3)}`).join(', ')}`);

  const smart = await timed('smart', source, kept);
  console.log(
    `smart cut:   ${smart.seconds.toFixed(1)} s  (${smart.result.copiedSeconds.toFixed(1)} s copied, ${smart.result.encodedSeconds.toFixed(2)} s re-encoded)`,
  );
  const whole = await timed('reencode', source, kept, LADDER_X264);
  console.log(`re-encode:   ${whole.seconds.toFixed(1)} s  (libx264 ${LADDER_X264.join(' ')})`);
  console.log(
    `ratio:       ${(whole.seconds / smart.seconds).toFixed(1)}× faster (same run, load ${loadavg()[0]!.toFixed(2)})`,
  );
  const smartSsim = await ssimAfterCuts(source, smart.result);
  const wholeSsim = await ssimAfterCuts(source, whole.result);
  for (const [i, s] of smartSsim.entries())
    console.log(
      `SSIM, 2 s after cut ${i + 1}: smart cut ${s.toFixed(4)}   re-encode ${wholeSsim[i]!.toFixed(4)}`,
    );
  const loadAfter = loadavg()[0]!;
  console.log(`load at the end ${loadAfter.toFixed(2)}`);
  for (const label of ['smart', 'reencode'])
    await rm(join(BENCH_DIR, `trim-${label}`), { recursive: true, force: true });
}

await main();
