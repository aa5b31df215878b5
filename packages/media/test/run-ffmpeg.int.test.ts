import { execFile } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FfmpegFailedError,
  FfmpegStalledError,
  isAbortError,
  isTransient,
  measureLoudness,
  probeMedia,
  QUIET_WITH_PROGRESS,
  runFfmpeg,
  transcodeRecording,
} from '../src/index.ts';
import { clips, makeTempDir } from './support/media-fixtures.ts';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('runner');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** No ffmpeg process of ours may be left once a run has settled. */
async function ffmpegChildren(): Promise<string[]> {
  const { stdout } = await run('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)]).catch(() => ({
    stdout: '',
  }));
  return stdout.split('\n').filter((l) => /\bffmpeg\b/.test(l));
}

describe('runFfmpeg', () => {
  it('kills an ffmpeg whose time position stops advancing and reports a transient stall', async () => {
    // Opening a FIFO blocks until a writer comes, which never happens: ffmpeg hangs with no progress.
    const fifo = join(dir, 'never.fifo');
    await run('mkfifo', [fifo]);
    const error = await runFfmpeg(
      {
        globalOptions: QUIET_WITH_PROGRESS,
        inputs: [{ path: fifo, demuxer: 'mpegts', options: [] }],
        filterComplex: null,
        outputs: [{ path: '-', options: ['-f', 'null'] }],
      },
      { step: 'the test', stallTimeoutMs: 1_000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FfmpegStalledError);
    expect(isTransient(error)).toBe(true);
    expect((error as Error).message).toMatch(/no progress .* during the test and was killed/);
    expect(await ffmpegChildren()).toEqual([]);
  });

  it('reports an ffmpeg that exits with an error as a transient failure with its last words', async () => {
    const error = await runFfmpeg(
      {
        globalOptions: QUIET_WITH_PROGRESS,
        inputs: [{ lavfi: 'testsrc2=d=1', options: [] }],
        filterComplex: null,
        outputs: [{ path: '-', options: ['-c:v', 'libx264', '-preset', 'no-such-preset', '-f', 'null'] }],
      },
      { step: 'the test', stallTimeoutMs: 30_000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FfmpegFailedError);
    expect((error as FfmpegFailedError).message).toMatch(
      /ffmpeg failed during the test: ffmpeg exited with code \d+/,
    );
    expect((error as FfmpegFailedError).stderrTail).toMatch(/preset/i);
  });

  it('reports ffmpeg’s own time position', async () => {
    const positions: number[] = [];
    await runFfmpeg(
      {
        globalOptions: QUIET_WITH_PROGRESS,
        inputs: [{ lavfi: 'sine=d=3', options: [] }],
        filterComplex: null,
        outputs: [{ path: '-', options: ['-f', 'null'] }],
      },
      { step: 'the test', stallTimeoutMs: 30_000, onPosition: (s) => positions.push(s) },
    );
    expect(positions.length).toBeGreaterThan(0);
    expect(positions.at(-1)).toBeCloseTo(3, 1);
  });
});

describe('aborting', () => {
  it('kills ffmpeg, rejects with an AbortError and removes the partial output', async () => {
    const source = await clips.webinar(dir, 'webinar.mp4', 8, '640x360', 30);
    const out = join(dir, 'out-aborted');
    const controller = new AbortController();
    let settled = false;
    const pending = transcodeRecording(source, out, { kind: 'full', signal: controller.signal })
      .catch((e: unknown) => e)
      .finally(() => {
        settled = true;
      });
    // Abort once the ladder's ffmpeg (the run with a filter graph and HLS outputs) is running.
    let ladderRunning = false;
    while (!ladderRunning && !settled) {
      ladderRunning = (await ffmpegChildren()).some(
        (l) => l.includes('-filter_complex') && l.includes('hls'),
      );
      if (!ladderRunning) await new Promise((r) => setTimeout(r, 20));
    }
    controller.abort();
    const error = await pending;
    expect(isAbortError(error)).toBe(true);
    expect(await readdir(out)).toEqual([]);
    expect(await ffmpegChildren()).toEqual([]);
  });

  it('rejects at once when the signal has already fired', async () => {
    const source = await clips.webinar(dir, 'webinar-2.mp4', 2, '320x180', 15);
    const error = await transcodeRecording(source, join(dir, 'out-pre-aborted'), {
      kind: 'full',
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
  });
});

describe('measureLoudness', () => {
  it('measures a file’s audio on its own', async () => {
    const tone = await clips.tone(dir, -12, 4);
    const loudness = await measureLoudness({ path: tone, demuxer: 'mov' });
    // −30 dBFS mono, spread over two channels at −3 dB each: about −33 LUFS.
    expect(loudness.integratedLufs).toBeGreaterThan(-36);
    expect(loudness.integratedLufs).toBeLessThan(-30);
    expect(loudness.truePeakDbtp).toBeLessThan(loudness.integratedLufs + 4);
  });
});

describe('probeMedia', () => {
  it('reads rotation, keyframes and audio layout', async () => {
    const probe = await probeMedia(await clips.rotated(dir));
    // ffmpeg 5.1 writes the `rotate=90` tag as a quarter turn counter-clockwise: 270 clockwise.
    expect(probe.video).toMatchObject({
      rotation: 270,
      width: 640,
      height: 360,
      displayWidth: 360,
      displayHeight: 640,
    });
    expect(probe.video!.keyframeTimes.slice(0, 3)).toEqual([0, 1, 2]);
    expect(probe.video!.maxKeyframeIntervalSeconds).toBeCloseTo(1, 2);
    const surround = await probeMedia(await clips.surround(dir));
    expect(surround.audio).toMatchObject({
      codec: 'aac',
      channels: 6,
      channelLayout: '5.1',
      sampleRate: 48000,
    });
  });

  it('recognises a variable frame rate', async () => {
    expect((await probeMedia(await clips.variableFrameRate(dir))).video!.variableFrameRate).toBe(true);
    expect((await probeMedia(await clips.mono(dir))).video!.variableFrameRate).toBe(false);
  });
});
