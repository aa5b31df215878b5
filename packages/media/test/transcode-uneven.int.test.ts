import { copyFile, readFile, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { TranscodeManifest } from '@folkemote/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMediaPlaylist, probeMedia, transcodeRecording, UnusableMediaError } from '../src/index.ts';
import { expectPlayableRenditions, ffprobeJson, makeTempDir, meanLuma } from './support/media-fixtures.ts';
import { makeUnevenClip, UNEVEN_SOUND_SECONDS, type UnevenClip } from './support/uneven-clips.ts';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('uneven');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function playlistSeconds(out: string, rendition: string): Promise<number> {
  const playlist = parseMediaPlaylist(await readFile(join(out, rendition, 'playlist.m3u8'), 'utf8'));
  return playlist.segments.reduce((sum, s) => sum + s.duration, 0);
}

/** Decoded frames of the first rendition's video, read back as a player would: times of the first and last. */
async function frameSpan(
  out: string,
  manifest: TranscodeManifest,
): Promise<{ first: number; last: number; gap: number }> {
  const video = manifest.renditions.find((r) => r.kind === 'video')!;
  const playlist = parseMediaPlaylist(await readFile(join(out, video.playlist), 'utf8'));
  const joined = join(out, `${video.name}-joined.mp4`);
  const parts = ['init.mp4', ...playlist.segments.map((s) => s.uri)];
  const chunks = await Promise.all(parts.map((p) => readFile(join(out, video.name, p))));
  await import('node:fs/promises').then((fs) => fs.writeFile(joined, Buffer.concat(chunks)));
  const { packets = [] } = await ffprobeJson(joined, [
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=pts_time',
  ]);
  const times = packets.map((p) => Number(p.pts_time)).sort((a, b) => a - b);
  let gap = 0;
  for (let i = 1; i < times.length; i++) gap = Math.max(gap, times[i]! - times[i - 1]!);
  await rm(joined);
  return { first: times[0]!, last: times.at(-1)!, gap };
}

const CASES: UnevenClip[] = [
  { kind: 'early-end', container: 'mp4' },
  { kind: 'early-end', container: 'mov' },
  { kind: 'early-end', container: 'mkv' },
  { kind: 'early-end', container: 'webm' },
  { kind: 'early-end', container: 'ts' },
  { kind: 'early-end', container: 'mp4', streamed: true },
  { kind: 'early-end', container: 'webm', streamed: true },
  { kind: 'early-end', container: 'ts', streamed: true },
  { kind: 'late-start', container: 'mp4' },
  { kind: 'late-start', container: 'mkv' },
  { kind: 'late-start', container: 'ts' },
  { kind: 'gap', container: 'mp4' },
  { kind: 'gap', container: 'webm', streamed: true },
  { kind: 'early-end', container: 'ts', streamed: true, offset: 1000 },
  { kind: 'brief-picture', container: 'ts', offset: 1000 },
  { kind: 'brief-picture', container: 'mkv' },
  { kind: 'early-sound-end', container: 'mp4' },
];

describe('a picture that does not last as long as the sound', () => {
  it.each(CASES)(
    'publishes $kind in $container (streamed: $streamed) whole, the picture held',
    async (clip) => {
      const source = await makeUnevenClip(dir, clip);
      const probe = await probeMedia(source);
      expect(probe.durationSeconds).toBeCloseTo(UNEVEN_SOUND_SECONDS, 0);
      const out = join(
        dir,
        `out-${clip.kind}-${clip.container}-${clip.streamed ? 's' : 'f'}-${clip.offset ?? 0}`,
      );
      const manifest = await transcodeRecording(source, out, { kind: 'full', probe });
      await expectPlayableRenditions(out, manifest);
      expect(manifest.durationSeconds).toBeCloseTo(UNEVEN_SOUND_SECONDS, 0);
      const video = manifest.renditions.find((r) => r.kind === 'video')!;
      expect(Math.abs((await playlistSeconds(out, video.name)) - UNEVEN_SOUND_SECONDS)).toBeLessThan(0.5);
      expect(Math.abs((await playlistSeconds(out, 'audio')) - UNEVEN_SOUND_SECONDS)).toBeLessThan(0.5);
      const frames = await frameSpan(out, manifest);
      expect(frames.first).toBeLessThan(0.5);
      expect(frames.last).toBeGreaterThan(UNEVEN_SOUND_SECONDS - 0.5);
      expect(frames.gap).toBeLessThan(0.5);
      expect(await meanLuma(join(out, 'poster.jpg'))).toBeGreaterThan(30);
    },
  );

  it('tells the quick step to leave such a recording to the full transcode', async () => {
    const source = await makeUnevenClip(dir, { kind: 'early-end', container: 'mp4' });
    const probe = await probeMedia(source, { packets: 'edges' });
    expect(probe.video!.span!.end).toBeCloseTo(3, 0);
    expect(probe.audio!.span!.end).toBeCloseTo(UNEVEN_SOUND_SECONDS, 0);
    const { canQuickPublish } = await import('../src/index.ts');
    expect(canQuickPublish(probe)).toBe(false);
  });
});

async function cutInHalf(container: 'mp4' | 'mkv' | 'ts'): Promise<string> {
  const whole = await makeUnevenClip(dir, { kind: 'gap', container });
  const cut = join(dir, `cut-${container}.${container}`);
  await copyFile(whole, cut);
  await truncate(cut, Math.floor((await stat(cut)).size / 2));
  return cut;
}

describe('a container cut short is still truncated', () => {
  it.each(['mp4', 'mkv'] as const)(
    'refuses a %s with a hole in its picture, cut in half',
    async (container) => {
      const error = await probeMedia(await cutInHalf(container)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnusableMediaError);
      expect((error as UnusableMediaError).reason).toMatch(/^The file is truncated/);
    },
  );

  it('takes an MPEG-TS cut in half for what it holds: the container declares no length to fall short of', async () => {
    const probe = await probeMedia(await cutInHalf('ts'));
    expect(probe.durationSeconds).toBeLessThan(UNEVEN_SOUND_SECONDS - 1);
  });
});
