import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { keptRanges, type Progress } from '@folkemote/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSmartCut, type SmartCutResult } from '../src/index.ts';
import { readFrames, ssimOfPairs } from '../src/measure/index.ts';
import { ffmpeg, ffprobeJson, keyframeTimes, makeTempDir } from './support/media-fixtures.ts';

const fps = 30;
const size = { width: 320, height: 180 };
let dir: string;
let source: string;
let result: SmartCutResult;
const progress: Progress[] = [];
// Cuts off the keyframes (every 2 s): 0–3.31, 9.11–13.71, and 18.05–20.
const cuts = [
  { start: 0, end: 3.31 },
  { start: 9.11, end: 13.71 },
  { start: 18.05, end: 20 },
];

beforeAll(async () => {
  dir = await makeTempDir('smart-cut');
  source = join(dir, 'source.mp4');
  await ffmpeg([
    ...[
      '-f',
      'lavfi',
      '-i',
      `testsrc2=s=640x360:r=${fps}:d=20`,
      '-f',
      'lavfi',
      '-i',
      'sine=f=330:beep_factor=2:d=20',
    ],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    ...['-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-c:a', 'aac', '-b:a', '96k', source],
  ]);
  const work = join(dir, 'work');
  await mkdir(work);
  result = await runSmartCut(
    { path: source, demuxer: 'mov' },
    {
      kept: keptRanges(cuts, 20),
      workDir: work,
      stallTimeoutMs: 60_000,
      onProgress: (p) => progress.push(p),
    },
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the smart cut of an H.264 recording with keyframes every 2 s, cut between them', () => {
  it('copies the whole GOPs and re-encodes only up to the next keyframe', () => {
    expect(result.mode).toBe('smart');
    // Kept: 3.333–9.133 (head 3.333–4, copy 4–8, tail 8–9.133) and 13.733–18.067 (head to 14, copy 14–18, tail).
    expect(result.encodedSeconds).toBeLessThan(4);
    expect(result.copiedSeconds).toBeCloseTo(8, 3);
    expect(progress.at(-1)?.stage).toBe('trimming');
  });

  it('lasts what was kept, within one frame, with sound as long as the picture', async () => {
    const expected = result.kept.reduce((s, r) => s + r.end - r.start, 0);
    const probe = await ffprobeJson(result.file.path, ['-show_streams', '-show_format']);
    const video = probe.streams?.find((s) => s.codec_type === 'video');
    const audio = probe.streams?.find((s) => s.codec_type === 'audio');
    expect(video?.codec_name).toBe('h264');
    expect(audio?.codec_name).toBe('flac');
    expect(Math.abs(Number(probe.format?.duration) - expected)).toBeLessThanOrEqual(1 / fps + 0.001);
    const frames = await readFrames(result.file.path, size);
    expect(Math.abs(frames.length - Math.round(expected * fps))).toBeLessThanOrEqual(1);
  });

  it('shows the source picture on each side of every cut (SSIM against the source at the mapped time)', async () => {
    const [a, b] = result.kept as [{ start: number; end: number }, { start: number; end: number }];
    // Trimmed time → source time for the frames around each joint and inside a copied GOP.
    const points = [
      { trimmed: 0, source: a.start },
      { trimmed: 0.5, source: a.start + 0.5 },
      { trimmed: 3, source: a.start + 3 },
      { trimmed: a.end - a.start - 2 / fps, source: a.end - 2 / fps },
      { trimmed: a.end - a.start, source: b.start },
      { trimmed: a.end - a.start + 0.3, source: b.start + 0.3 },
    ];
    const pairs: [Uint8Array, Uint8Array][] = [];
    for (const p of points) {
      const [mine] = await readFrames(result.file.path, size, {
        fromSeconds: p.trimmed + 0.001,
        seconds: 1 / fps,
      });
      const [theirs] = await readFrames(source, size, { fromSeconds: p.source + 0.001, seconds: 1 / fps });
      if (!mine || !theirs) throw new Error(`No frame at ${p.trimmed} s`);
      pairs.push([mine, theirs]);
    }
    const ssim = await ssimOfPairs(dir, size, pairs);
    for (const value of ssim) expect(value).toBeGreaterThan(0.97);
  });

  it('writes only the files of its own folder, and a stream whose keyframes follow the joints', async () => {
    expect(
      (await readdir(join(dir, 'work'))).every((f) =>
        /^(copy-\d+\.ts|enc-\d+\.ts|audio\.flac|pieces\.ffconcat|trimmed\.mkv)$/.test(f),
      ),
    ).toBe(true);
    const keys = await keyframeTimes(result.file.path);
    expect(keys[0]).toBeCloseTo(0, 2);
  });
});

describe('a source the smart cut cannot copy', () => {
  it('is re-encoded whole, says why, and lasts what was kept', async () => {
    const other = join(dir, 'mpeg4.mkv');
    await ffmpeg([
      ...['-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=25:d=6', '-f', 'lavfi', '-i', 'sine=f=330:d=6'],
      ...['-c:v', 'mpeg4', '-q:v', '5', '-c:a', 'flac', other],
    ]);
    const work = join(dir, 'work-mpeg4');
    await mkdir(work);
    const reasons: string[] = [];
    const out = await runSmartCut(
      { path: other, demuxer: 'matroska' },
      {
        kept: keptRanges([{ start: 1.1, end: 2.3 }], 6),
        workDir: work,
        stallTimeoutMs: 60_000,
        onFallback: (r) => reasons.push(r),
      },
    );
    expect(out.mode).toBe('reencode');
    expect(reasons[0]).toMatch(/mpeg4/);
    const probe = await ffprobeJson(out.file.path, ['-show_format']);
    expect(Math.abs(Number(probe.format?.duration) - 4.8)).toBeLessThanOrEqual(1 / 25 + 0.03);
  });
});
