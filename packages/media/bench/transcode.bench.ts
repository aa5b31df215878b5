/**
 * Transcode benchmark: our full transcode against a PeerTube-style baseline (one ffmpeg run
 * per rendition, each decoding the source, libx264 veryfast) and against a decode-only run of
 * the same clip (`ffmpeg -i clip -f null -`: the floor no transcode can go below), on the same
 * webinar-like clip, in the same run; plus SSIM of every rendition against the source scaled
 * to its size, and the integrated loudness of the published audio, measured here again from
 * the audio rendition itself, against the target.
 *
 *   pnpm bench:transcode [--durations 30,120,240] [--runs 1] [--preset ultrafast] [--crf 23]
 *                        [--scaler area] [--zimg bilinear|none] [--tune zerolatency] [--x264-params k=v:k=v] [--threads N]
 *                        [--skip-baseline] [--skip-ssim]   (the last two for quick tuning runs)
 *
 * Exits non-zero only when something fails to run; missed targets are printed as MISS.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { TranscodeManifest } from '@folkemote/domain';
import {
  AUDIO_RENDITION,
  DEFAULT_LOUDNESS_TARGET,
  type FfmpegInvocation,
  hlsOutputOptions,
  joinRendition,
  LADDER_ENCODER,
  measureLoudness,
  playlistPath,
  probeMedia,
  progressOptions,
  QUIET_WITH_PROGRESS,
  recordingDemuxer,
  runFfmpeg,
  selectLadder,
  transcodeRecording,
  type VideoEncoderSettings,
} from '../src/index.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const BENCH_DIR = join(ROOT, '.bench');
const CLIP_MAKER = '/work/shared/media/make-webinar-clip.sh';
const MAIN_DURATION = 120;
const TARGETS = { speedup: 4, realTime: 6, ssim: 0.97, loudnessLu: 1 };

const { values } = parseArgs({
  options: {
    durations: { type: 'string' },
    runs: { type: 'string', default: '1' },
    preset: { type: 'string' },
    crf: { type: 'string' },
    scaler: { type: 'string' },
    zimg: { type: 'string' },
    tune: { type: 'string' },
    'x264-params': { type: 'string' },
    threads: { type: 'string' },
    'skip-baseline': { type: 'boolean', default: false },
    'skip-ssim': { type: 'boolean', default: false },
  },
});

const encoder: VideoEncoderSettings = {
  preset: values.preset ?? LADDER_ENCODER.preset,
  tune: values.tune ?? LADDER_ENCODER.tune,
  crf: values.crf ? Number(values.crf) : LADDER_ENCODER.crf,
  scaler: values.scaler ?? LADDER_ENCODER.scaler,
  zimgFilter: values.zimg === 'none' ? null : (values.zimg ?? LADDER_ENCODER.zimgFilter),
  x264Params: values['x264-params'] ?? LADDER_ENCODER.x264Params,
};
const threads = values.threads ? Number(values.threads) : undefined;
const runs = Math.max(1, Number(values.runs) || 1);
const growthDurations = values.durations
  ? values.durations
      .split(',')
      .map(Number)
      .filter((d) => d > 0)
  : [];

async function ensureClip(seconds: number): Promise<string> {
  await mkdir(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `webinar-${seconds}s-1920x1080-30fps.mp4`);
  if (!existsSync(file)) {
    console.log(`making ${seconds} s test clip (cached in .bench/) …`);
    await run(CLIP_MAKER, [`${file}.tmp.mp4`, String(seconds), '1920x1080', '30']);
    await run('mv', [`${file}.tmp.mp4`, file]);
  }
  return file;
}

/**
 * CPU seconds used by finished child processes (ffmpeg, ffprobe) of this process, from
 * /proc: unlike wall time, it does not depend on what else the machine is running.
 */
async function childCpuSeconds(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime (fields 16 and 17 of stat), counted from after the command name; 100 ticks a second.
  const ticks = Number(fields[13]) + Number(fields[14]);
  return Number.isFinite(ticks) ? ticks / 100 : Number.NaN;
}

interface Timing {
  seconds: number;
  cpuSeconds: number;
}

interface Step {
  step: string;
  start: number;
  end: number;
}

async function timeOurs(
  clip: string,
  outDir: string,
): Promise<Timing & { manifest: TranscodeManifest; steps: Step[] }> {
  await rm(outDir, { recursive: true, force: true });
  const steps: Step[] = [];
  const cpu = await childCpuSeconds();
  const started = performance.now();
  const manifest = await transcodeRecording(clip, outDir, {
    kind: 'full',
    encoder,
    threads,
    onStep: (step, start, end) => steps.push({ step, start: start - started, end: end - started }),
  });
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (await childCpuSeconds()) - cpu,
    manifest,
    steps,
  };
}

/** PeerTube's way: a separate ffmpeg per rendition, each decoding and scaling the source itself. */
async function timeBaseline(clip: string, outDir: string): Promise<Timing> {
  await rm(outDir, { recursive: true, force: true });
  const probe = await probeMedia(clip);
  const ladder = selectLadder(probe.video!);
  const gop = String(Math.round((probe.video!.avgFrameRate ?? 30) * 2));
  const source = { path: clip, demuxer: recordingDemuxer(probe.container) };
  const jobs: FfmpegInvocation[] = ladder.map((r) => ({
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: [{ ...source, options: [] }],
    filterComplex: null,
    outputs: [
      {
        path: playlistPath(r.name),
        options: [
          '-map',
          '0:v:0',
          '-vf',
          `scale=${r.width}:${r.height}`,
          '-c:v',
          'libx264',
          '-preset',
          'veryfast',
          '-crf',
          '23',
          '-maxrate',
          String(r.maxrate),
          '-bufsize',
          String(r.bufsize),
          '-g',
          gop,
          '-keyint_min',
          gop,
          '-sc_threshold',
          '0',
          '-pix_fmt',
          'yuv420p',
          '-an',
          ...hlsOutputOptions(r.name, 4),
        ],
      },
    ],
  }));
  jobs.push({
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: [{ ...source, options: [] }],
    filterComplex: null,
    outputs: [
      {
        path: playlistPath(AUDIO_RENDITION),
        options: [
          '-map',
          '0:a:0',
          '-c:a',
          'aac',
          '-b:a',
          '128k',
          '-ac',
          '2',
          '-vn',
          ...hlsOutputOptions(AUDIO_RENDITION, 4),
        ],
      },
    ],
  });
  const names = [...ladder.map((r) => r.name), AUDIO_RENDITION];
  await Promise.all(names.map((n) => mkdir(join(outDir, n), { recursive: true })));
  const cpu = await childCpuSeconds();
  const started = performance.now();
  for (const job of jobs) {
    await runFfmpeg(job, { step: 'the baseline', cwd: outDir, stallTimeoutMs: 300_000 });
  }
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (await childCpuSeconds()) - cpu };
}

/** The floor: decoding the clip's picture and sound and nothing else, as `ffmpeg -i clip -f null -`. */
async function timeDecodeOnly(clip: string): Promise<Timing> {
  const cpu = await childCpuSeconds();
  const started = performance.now();
  await runFfmpeg(
    {
      globalOptions: QUIET_WITH_PROGRESS,
      inputs: [{ path: clip, demuxer: 'mov', options: [] }],
      filterComplex: null,
      outputs: [{ path: '-', options: ['-f', 'null'] }],
    },
    { step: 'the decode-only run', stallTimeoutMs: 300_000 },
  );
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (await childCpuSeconds()) - cpu };
}

/** Integrated loudness and true peak of the published audio rendition, measured from its segments. */
async function measurePublishedLoudness(outDir: string) {
  const joined = join(outDir, '.loudness.m4a');
  await joinRendition(join(outDir, playlistPath(AUDIO_RENDITION)), joined);
  const loudness = await measureLoudness({ path: joined, demuxer: 'mov' });
  await rm(joined, { force: true });
  return loudness;
}

/** SSIM of each video rendition against the source scaled (bicubic) to the rendition's size, in one ffmpeg run. */
async function measureSsim(
  clip: string,
  outDir: string,
  manifest: TranscodeManifest,
): Promise<Map<string, number>> {
  const videos = manifest.renditions.filter((r) => r.kind === 'video');
  const joined: string[] = [];
  for (const r of videos) {
    const file = join(outDir, '.ssim', `${r.name}.mp4`);
    await mkdir(join(outDir, '.ssim'), { recursive: true });
    await joinRendition(join(outDir, r.playlist), file);
    joined.push(file);
  }
  const refs = videos.map((_, i) => `[ref${i}]`).join('');
  const graph = [
    `[0:v]split=${videos.length}${refs}`,
    ...videos.map(
      (r, i) =>
        `[ref${i}]scale=${r.width}:${r.height}:flags=bicubic[s${i}];[${i + 1}:v][s${i}]ssim@${r.name}[o${i}]`,
    ),
  ].join(';');
  const { log } = await runFfmpeg(
    {
      globalOptions: progressOptions('info'),
      inputs: [
        { path: clip, demuxer: 'mov', options: [] },
        ...joined.map((path) => ({ path, demuxer: 'mov' as const, options: [] })),
      ],
      filterComplex: graph,
      outputs: videos.map((_, i) => ({ path: '-', options: ['-map', `[o${i}]`, '-f', 'null'] })),
    },
    { step: 'the SSIM measurement', stallTimeoutMs: 300_000 },
  );
  const result = new Map<string, number>();
  for (const line of log) {
    const match = /\[ssim@([^\s]+) @ [^\]]+\] SSIM .*All:([\d.]+)/.exec(line);
    if (match) result.set(match[1]!, Number(match[2]));
  }
  await rm(join(outDir, '.ssim'), { recursive: true, force: true });
  return result;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const f = (n: number, d = 2) => n.toFixed(d);

async function main() {
  console.log(
    `cpus: ${cpus().length}, load average at start: ${loadavg()
      .map((l) => f(l))
      .join(' ')}`,
  );
  console.log(
    `ours: preset=${encoder.preset} tune=${encoder.tune ?? '-'} crf=${encoder.crf} scaler=${encoder.scaler} zimg=${encoder.zimgFilter ?? 'none'} ` +
      `x264-params=${encoder.x264Params ?? '-'} threads=${threads ?? 'auto'}; runs=${runs}`,
  );
  const clip = await ensureClip(MAIN_DURATION);
  const oursDir = join(BENCH_DIR, 'out-ours');
  const baseDir = join(BENCH_DIR, 'out-baseline');

  const ourTimes: number[] = [];
  const ourCpu: number[] = [];
  const baseTimes: number[] = [];
  const baseCpu: number[] = [];
  const decodeTimes: number[] = [];
  const decodeCpu: number[] = [];
  let manifest: TranscodeManifest | null = null;
  let steps: Step[] = [];
  for (let i = 0; i < runs; i++) {
    const ours = await timeOurs(clip, oursDir);
    ourTimes.push(ours.seconds);
    ourCpu.push(ours.cpuSeconds);
    manifest = ours.manifest;
    steps = ours.steps;
    console.log(`run ${i + 1}: ours ${f(ours.seconds)} s wall, ${f(ours.cpuSeconds, 1)} CPU-s`);
    if (!values['skip-baseline']) {
      const base = await timeBaseline(clip, baseDir);
      baseTimes.push(base.seconds);
      baseCpu.push(base.cpuSeconds);
      console.log(`run ${i + 1}: baseline ${f(base.seconds)} s wall, ${f(base.cpuSeconds, 1)} CPU-s`);
    }
    const decode = await timeDecodeOnly(clip);
    decodeTimes.push(decode.seconds);
    decodeCpu.push(decode.cpuSeconds);
    console.log(`run ${i + 1}: decode only ${f(decode.seconds)} s wall, ${f(decode.cpuSeconds, 1)} CPU-s`);
  }
  const ours = median(ourTimes);
  const ourRtf = MAIN_DURATION / ours;
  console.log('');
  console.log(`== ${MAIN_DURATION} s of 1920x1080 30 fps webinar video, ${cpus().length} cores ==`);
  console.log(`ours (full transcode, all steps):  ${f(ours)} s wall  ${f(ourRtf)}x real time`);
  if (baseTimes.length > 0) {
    const base = median(baseTimes);
    const ratio = base / ours;
    console.log(
      `baseline (one ffmpeg per rendition): ${f(base)} s wall  ${f(MAIN_DURATION / base)}x real time`,
    );
    console.log(
      `speed ratio baseline/ours: ${f(ratio)}x   [target >= ${TARGETS.speedup}x: ${verdict(ratio >= TARGETS.speedup)}]`,
    );
  }
  const decodeOnly = median(decodeTimes);
  console.log(
    `decode only (ffmpeg -i clip -f null -): ${f(decodeOnly)} s wall, ${f(median(decodeCpu), 1)} CPU-s; ` +
      `ratio ours/decode-only ${f(ours / decodeOnly)}x wall, ${f(median(ourCpu) / median(decodeCpu))}x CPU`,
  );
  console.log(
    `our real-time factor: ${f(ourRtf)}x   [target >= ${TARGETS.realTime}x: ${verdict(ourRtf >= TARGETS.realTime)}]`,
  );
  // Context for a shared machine: CPU time does not depend on other load, and on idle cores
  // the wall time cannot go below the CPU time divided by the cores.
  const cores = cpus().length;
  const ourCpuSeconds = median(ourCpu);
  let cpuLine =
    `CPU time of the ffmpeg runs: ours ${f(ourCpuSeconds, 1)} CPU-s ` +
    `(at best ${f(ourCpuSeconds / cores, 1)} s wall on ${cores} idle cores)`;
  if (baseCpu.length > 0) {
    const baseCpuSeconds = median(baseCpu);
    cpuLine += `, baseline ${f(baseCpuSeconds, 1)} CPU-s, CPU ratio baseline/ours ${f(baseCpuSeconds / ourCpuSeconds)}x`;
  }
  console.log(cpuLine);
  console.log('steps of our last run (s):          start    end   took');
  for (const s of [...steps].sort((a, b) => a.start - b.start)) {
    console.log(
      `  ${s.step.padEnd(32)} ${f(s.start / 1000, 1).padStart(6)} ${f(s.end / 1000, 1).padStart(6)} ${f((s.end - s.start) / 1000, 1).padStart(6)}`,
    );
  }

  const ssim = values['skip-ssim'] ? new Map<string, number>() : await measureSsim(clip, oursDir, manifest!);
  for (const r of manifest!.renditions.filter((x) => x.kind === 'video')) {
    const value = ssim.get(r.name);
    const kbps = Math.round(r.averageBandwidth / 1000);
    console.log(
      `SSIM ${r.name.padEnd(6)} ${value === undefined ? 'n/a' : f(value, 4)}  (${r.copied ? 'copied' : 'encoded'}, ${kbps} kb/s avg)` +
        `   [target >= ${TARGETS.ssim}: ${verdict(value !== undefined && value >= TARGETS.ssim)}]`,
    );
  }

  const target = DEFAULT_LOUDNESS_TARGET.targetLufs;
  const published = await measurePublishedLoudness(oursDir);
  const error = published.integratedLufs - target;
  console.log(
    `loudness of the published audio: ${f(published.integratedLufs, 2)} LUFS integrated (target ${target}, error ${error >= 0 ? '+' : ''}${f(error, 2)} LU), ` +
      `true peak ${f(published.truePeakDbtp, 2)} dBTP (ceiling ${DEFAULT_LOUDNESS_TARGET.truePeakDbtp})` +
      `   [target |error| <= ${TARGETS.loudnessLu} LU: ${verdict(Math.abs(error) <= TARGETS.loudnessLu)}]`,
  );
  const loud = manifest!.loudness;
  if (loud)
    console.log(
      `manifest loudness: before ${f(loud.before.integratedLufs, 2)} LUFS / ${f(loud.before.truePeakDbtp, 2)} dBTP, ` +
        `after ${loud.after ? `${f(loud.after.integratedLufs, 2)} LUFS / ${f(loud.after.truePeakDbtp, 2)} dBTP` : 'n/a'}`,
    );

  if (growthDurations.length > 0) {
    // CPU time grows with the work alone; wall time also with whatever else the machine runs.
    console.log('');
    console.log(`== cost against duration (ours, median of ${runs}) ==`);
    console.log('duration   wall      x real time   CPU-s     CPU-s per source minute');
    for (const d of growthDurations) {
      const c = await ensureClip(d);
      const walls: number[] = [];
      const cpus: number[] = [];
      for (let i = 0; i < runs; i++) {
        const { seconds, cpuSeconds } = await timeOurs(c, join(BENCH_DIR, `out-ours-${d}`));
        walls.push(seconds);
        cpus.push(cpuSeconds);
      }
      await rm(join(BENCH_DIR, `out-ours-${d}`), { recursive: true, force: true });
      const wall = median(walls);
      const cpu = median(cpus);
      console.log(
        `${`${d} s`.padEnd(10)} ${`${f(wall)} s`.padEnd(9)} ${f(d / wall).padEnd(13)} ${f(cpu, 1).padEnd(9)} ${f((cpu / d) * 60)}`,
      );
    }
  }
  console.log(
    `load average at end: ${loadavg()
      .map((l) => f(l))
      .join(' ')}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
