import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTranscodeCommand } from '../src/transcode-command.ts';

const run = promisify(execFile);
let dir: string;
/** A recording that is not the operator's to publish, somewhere on the same disk. */
let victim: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'folkemote-cli-transcode-'));
  victim = path.join(dir, 'other', 'source.mp4');
  await mkdir(path.dirname(victim));
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc2=s=160x90:r=15:d=3', '-f', 'lavfi', '-i', 'sine=d=3'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
    ...['-movflags', '+faststart', victim],
  ]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream, text: () => text };
}

describe('pnpm cli transcode', () => {
  it('refuses an HLS playlist named talk.mp4 that names another file, with the reason and exit 2', async () => {
    const talk = path.join(dir, 'talk.mp4');
    await writeFile(
      talk,
      `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:3\n#EXTINF:3.0,\n${victim}\n#EXT-X-ENDLIST\n`,
    );
    const out = path.join(dir, 'out');
    const stdout = capture();
    const stderr = capture();
    const code = await runTranscodeCommand([talk, '--out', out], {
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    expect({ code, stderr: stderr.text() }).toEqual({
      code: 2,
      stderr: 'The file is an HLS playlist, not a recording: upload the video or audio file itself\n',
    });
    expect(await readdir(out)).toEqual([]);
  });
});
