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
 * Usage: pnpm bench:quick-publish [--minutes 60] [--full]
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { createTestApiToken, startTestSystem, waitForRecording } from '../src/testing.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
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

  const base = system.deps.s3Settings.publicBaseUrl;
  let playable = 0;
  for (;;) {
    const pointer = await fetch(`${base}/replays/${id}/replay.json`);
    if (pointer.ok) {
      const { prefix } = (await pointer.json()) as { prefix: string };
      const master = await fetch(`${base}/${prefix}master.m3u8`);
      const page = await fetch(`${base}/replays/${id}/index.html`);
      if (master.ok && page.ok) {
        playable = performance.now();
        break;
      }
    }
    const r = (await (await fetch(`${system.url}/api/recordings/${id}`)).json()) as {
      state: string;
      failureReason: string | null;
    };
    if (r.state === 'failed') throw new Error(`failed: ${r.failureReason}`);
    await new Promise((res) => setTimeout(res, 100));
  }
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.log(`upload to the raw bucket:        ${seconds(accepted - t0)} s`);
  console.log(
    `upload accepted → playable page: ${seconds(playable - accepted)} s  (target ≤ 30 s; ${((minutes * 60) / ((playable - accepted) / 1000)).toFixed(0)}× real time)`,
  );

  if (values.full) {
    const { recording } = await waitForRecording(
      system.url,
      id,
      (r) => r.state === 'published' || r.state === 'failed',
      4 * 3600_000,
    );
    const done = performance.now();
    console.log(
      `upload accepted → full ladder public: ${seconds(done - accepted)} s (${recording.state}); quick publish was ${((done - accepted) / (playable - accepted)).toFixed(1)}× sooner`,
    );
  }
} finally {
  await system.stop();
}
