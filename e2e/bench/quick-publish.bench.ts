/**
 * How soon a long recording is playable on its public page.
 *
 * Makes (and caches in .bench/) an H.264/AAC recording of the given length —
 * a 60 s webinar-like clip from shared/media/make-webinar-clip.sh, repeated by
 * stream copy — uploads it to a system on real parts (Redis, an S3-protocol
 * server, PGlite, ffmpeg) and measures, in the same run:
 *   - upload: the HTTP upload into the raw bucket (not part of the job);
 *   - time to playable: from the upload's 202 until the replay page, its
 *     pointer and the master playlist of the quick version are served by S3;
 *   - the full ladder, only with --full (it takes minutes for an hour).
 * It also prints where the time went: every stage the worker timed (download of the source,
 * probe, remux steps, upload, pointer flip, site rebuild) on one timeline from the 202, and
 * the CPU time this process and its ffmpeg children used meanwhile (the S3-protocol server,
 * the API and the worker all run in this process).
 * Usage: pnpm bench:quick-publish [--minutes 60] [--full]
 */

import { execFile } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { STAGE_TIMING_CHANNEL, type StageTiming } from '@folkemote/system';
import { createTestApiToken, startTestSystem, waitForRecording } from '@folkemote/system/testing';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '60' }, full: { type: 'boolean', default: false } },
});
const minutes = Number(values.minutes);
if (!(minutes >= 1 && minutes <= 240)) throw new Error('--minutes must be between 1 and 240');

async function makeLongRecording(): Promise<string> {
  const dir = path.join(root, '.bench');
  await mkdir(dir, { recursive: true });
  const clip = path.join(dir, 'webinar-60s-1080p.mp4');
  if (!existsSync(clip)) {
    console.log('making a 60 s 1920x1080 clip…');
    await run('bash', [
      path.join(root, '../shared/media/make-webinar-clip.sh'),
      clip,
      '60',
      '1920x1080',
      '30',
    ]);
  }
  const out = path.join(dir, `webinar-${minutes}min-1080p.mp4`);
  if (!existsSync(out)) {
    const list = path.join(dir, 'concat.txt');
    await writeFile(list, Array.from({ length: minutes }, () => `file '${clip}'`).join('\n'));
    await run('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      '-c',
      'copy',
      '-movflags',
      '+faststart',
      out,
    ]);
  }
  return out;
}

/** CPU seconds of finished child processes (ffmpeg, ffprobe), from /proc; 100 ticks a second. */
async function childCpuSeconds(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return Number.isFinite(ticks) ? ticks / 100 : Number.NaN;
}

/**
 * Every playlist the master names and every segment they name is served: the version was
 * complete when the pointer named it. Checked after the timing, so it costs the timing nothing.
 */
async function verifyVersion(versionUrl: string): Promise<number> {
  const master = await (await fetch(`${versionUrl}master.m3u8`)).text();
  const playlists = master
    .split('\n')
    .flatMap((line) => {
      const uri = /URI="([^"]+)"/.exec(line)?.[1];
      if (uri) return [uri];
      return line && !line.startsWith('#') ? [line.trim()] : [];
    })
    .map((uri) => new URL(uri, versionUrl).toString());
  const segments: string[] = [];
  for (const url of playlists) {
    const text = await (await fetch(url)).text();
    for (const line of text.split('\n')) {
      const uri =
        /#EXT-X-MAP:URI="([^"]+)"/.exec(line)?.[1] ?? (line && !line.startsWith('#') ? line.trim() : null);
      if (uri) segments.push(new URL(uri, url).toString());
    }
  }
  const missing: string[] = [];
  for (let i = 0; i < segments.length; i += 16) {
    await Promise.all(
      segments.slice(i, i + 16).map(async (url) => {
        if (!(await fetch(url, { method: 'HEAD' })).ok) missing.push(url);
      }),
    );
  }
  if (playlists.length === 0 || segments.length === 0 || missing.length > 0)
    throw new Error(
      `the public version is incomplete: ${missing.length} of ${segments.length} segments missing`,
    );
  return segments.length;
}

const timings: StageTiming[] = [];
subscribe(STAGE_TIMING_CHANNEL, (message) => timings.push(message as StageTiming));

const file = await makeLongRecording();
const { size } = await stat(file);
console.log(`recording: ${minutes} min, ${(size / 1024 ** 2).toFixed(0)} MiB, H.264/AAC 1080p30`);

const system = await startTestSystem();
try {
  const token = await createTestApiToken(system);
  const t0 = performance.now();
  const response = await fetch(
    `${system.url}/api/recordings?${new URLSearchParams({ title: 'Benchmark', filename: 'bench.mp4' })}`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'content-length': String(size),
      },
      body: createReadStream(file) as unknown as RequestInit['body'],
      duplex: 'half',
    } as RequestInit,
  );
  if (response.status !== 202)
    throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  const accepted = performance.now();
  const cpuAtAccept = process.cpuUsage();
  const childCpuAtAccept = await childCpuSeconds();

  const base = system.deps.s3Settings.publicBaseUrl;
  let playable = 0;
  let prefix = '';
  for (let polls = 0; ; polls++) {
    const pointer = await fetch(`${base}/replays/${id}/replay.json`);
    if (pointer.ok) {
      ({ prefix } = (await pointer.json()) as { prefix: string });
      const master = await fetch(`${base}/${prefix}master.m3u8`);
      const page = await fetch(`${base}/replays/${id}/index.html`);
      if (master.ok && page.ok) {
        playable = performance.now();
        break;
      }
    }
    // Only to stop on a failed recording: asked less often, so the polling costs the system little.
    if (polls % 10 === 0) {
      const r = (await (
        await fetch(`${system.url}/api/recordings/${id}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as {
        state: string;
        failureReason: string | null;
      };
      if (r.state === 'failed') throw new Error(`failed: ${r.failureReason}`);
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  const cpu = process.cpuUsage(cpuAtAccept);
  const childCpu = (await childCpuSeconds()) - childCpuAtAccept;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  // The site rebuild follows the flip; waiting for it (at most 15 s) only completes the table.
  for (
    let waited = 0;
    waited < 15_000 && !timings.some((t) => t.job === 'site.rebuild' && t.start >= accepted);
    waited += 100
  )
    await new Promise((res) => setTimeout(res, 100));
  console.log(`upload to the raw bucket:        ${seconds(accepted - t0)} s`);
  console.log(
    `upload accepted → playable page: ${seconds(playable - accepted)} s  (target ≤ 30 s; ${((minutes * 60) / ((playable - accepted) / 1000)).toFixed(0)}× real time)`,
  );
  console.log('');
  console.log('stages on one timeline from the 202 (s):   start    end   took');
  const own = timings
    .filter((t) => t.recordingId === id || (t.recordingId === null && t.start >= accepted))
    .sort((a, b) => a.start - b.start);
  for (const t of own) {
    const label = `${t.job.replace('recording.', '')}: ${t.stage}${t.ok ? '' : ' (failed)'}`;
    console.log(
      `  ${label.padEnd(38)} ${seconds(t.start - accepted).padStart(6)} ${seconds(t.end - accepted).padStart(6)} ${seconds(t.end - t.start).padStart(6)}`,
    );
  }
  console.log(
    `  ${'playable (seen by polling S3)'.padEnd(38)} ${''.padStart(6)} ${seconds(playable - accepted).padStart(6)}`,
  );
  const segments = await verifyVersion(`${base}/${prefix}`);
  console.log(
    `verified after the fact: the master, its playlists and all ${segments} init and media segments are in S3`,
  );
  console.log(
    `CPU while waiting: this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s (S3 server, API, worker), ` +
      `ffmpeg/ffprobe ${childCpu.toFixed(1)} CPU-s; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );

  if (values.full) {
    const { recording } = await waitForRecording(
      system.url,
      id,
      (r) => r.state === 'published' || r.state === 'failed',
      4 * 3600_000,
      token,
    );
    const done = performance.now();
    console.log(
      `upload accepted → full ladder public: ${seconds(done - accepted)} s (${recording.state}); quick publish was ${((done - accepted) / (playable - accepted)).toFixed(1)}× sooner`,
    );
  }
} finally {
  await system.stop();
}
