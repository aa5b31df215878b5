import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TranscodeManifest } from '@folkemote/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseMasterPlaylist,
  SEGMENT_MAX_SECONDS,
  transcodeRecording,
  UnusableMediaError,
} from '../src/index.ts';
import {
  clips,
  expectPlayableRenditions,
  ffprobeJson,
  makeTempDir,
  meanLuma,
} from './support/media-fixtures.ts';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('awkward');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function transcode(
  source: string,
  name: string,
): Promise<{ manifest: TranscodeManifest; out: string }> {
  const out = join(dir, `out-${name}`);
  const manifest = await transcodeRecording(source, out, { kind: 'full' });
  await expectPlayableRenditions(out, manifest);
  return { manifest, out };
}

async function streamOf(file: string, type: 'video' | 'audio') {
  const { streams = [] } = await ffprobeJson(file, ['-show_streams']);
  return streams.find((s) => s.codec_type === type);
}

const videoNames = (m: TranscodeManifest) =>
  m.renditions.filter((r) => r.kind === 'video').map((r) => `${r.name} ${r.width}x${r.height}`);

describe('awkward but valid recordings', () => {
  it('handles odd dimensions (853x481 VP9 + Opus): even sizes, never upscaled, all encoded', async () => {
    const { manifest, out } = await transcode(await clips.oddSize(dir), 'odd');
    expect(videoNames(manifest)).toEqual(['480p 852x480', '360p 638x360']);
    expect(manifest.copiedRendition).toBeNull();
    expect(await streamOf(join(out, '480p/init.mp4'), 'video')).toMatchObject({
      codec_name: 'h264',
      width: 852,
      height: 480,
    });
    expect(await streamOf(join(out, 'audio/init.mp4'), 'audio')).toMatchObject({
      codec_name: 'aac',
      channels: 2,
    });
  });

  it('turns a rotated phone recording upright', async () => {
    const { manifest, out } = await transcode(await clips.rotated(dir), 'rotated');
    expect(videoNames(manifest)).toEqual(['360p 360x640']);
    const video = await streamOf(join(out, '360p/init.mp4'), 'video');
    expect(video).toMatchObject({ width: 360, height: 640 });
    expect(JSON.stringify(video)).not.toContain('Display Matrix');
    expect(await streamOf(join(out, 'poster.jpg'), 'video')).toMatchObject({ width: 360, height: 640 });
    expect(await streamOf(join(out, 'download.mp4'), 'video')).toMatchObject({ width: 360, height: 640 });
  });

  it('evens out a variable frame rate and still cuts 4 s segments', async () => {
    const { manifest, out } = await transcode(await clips.variableFrameRate(dir), 'vfr');
    const master = parseMasterPlaylist(await readFile(join(out, 'master.m3u8'), 'utf8'));
    expect(Number(master.variants[0]!.attributes['FRAME-RATE'])).toBeGreaterThan(10);
    const playlist = await readFile(join(out, '360p/playlist.m3u8'), 'utf8');
    expect(playlist).toContain('#EXTINF:4.000000,');
    expect(manifest.copiedRendition).toBeNull();
  });

  it('downmixes 5.1 at 48 kHz to stereo', async () => {
    const { manifest, out } = await transcode(await clips.surround(dir), 'surround');
    expect(await streamOf(join(out, 'audio/init.mp4'), 'audio')).toMatchObject({
      channels: 2,
      sample_rate: '48000',
    });
    expect(manifest.loudness?.after).not.toBeNull();
  });

  it('spreads mono over both channels', async () => {
    const { manifest, out } = await transcode(await clips.mono(dir), 'mono');
    expect(await streamOf(join(out, 'audio/init.mp4'), 'audio')).toMatchObject({
      channels: 2,
      sample_rate: '44100',
    });
    expect(Math.abs(manifest.loudness!.after!.integratedLufs + 16)).toBeLessThanOrEqual(1);
  });

  it('publishes audio-only recordings as audio HLS, an .m4a download and a card poster', async () => {
    const { manifest, out } = await transcode(await clips.audioOnly(dir), 'audio-only');
    expect(manifest).toMatchObject({
      hasVideo: false,
      hasAudio: true,
      copiedRendition: null,
      sprite: null,
      poster: 'poster.jpg',
      download: { file: 'download.m4a', contentType: 'audio/mp4' },
    });
    expect(manifest.renditions.map((r) => r.name)).toEqual(['audio']);
    const master = parseMasterPlaylist(await readFile(join(out, 'master.m3u8'), 'utf8'));
    expect(master.variants).toEqual([
      {
        uri: 'audio/playlist.m3u8',
        attributes: expect.objectContaining({ CODECS: 'mp4a.40.2', BANDWIDTH: expect.any(String) }),
      },
    ]);
    expect(await streamOf(join(out, 'download.m4a'), 'audio')).toMatchObject({
      codec_name: 'aac',
      channels: 2,
    });
    expect(await streamOf(join(out, 'poster.jpg'), 'video')).toMatchObject({ width: 1280, height: 720 });
    expect(await meanLuma(join(out, 'poster.jpg'))).toBeGreaterThan(30);
  });

  it('publishes video without sound: no audio rendition, no loudness', async () => {
    const { manifest, out } = await transcode(await clips.videoOnly(dir), 'video-only');
    expect(manifest).toMatchObject({ hasVideo: true, hasAudio: false, loudness: null });
    expect(manifest.renditions.map((r) => r.kind)).toEqual(['video']);
    const master = await readFile(join(out, 'master.m3u8'), 'utf8');
    expect(master).not.toContain('EXT-X-MEDIA');
    expect(parseMasterPlaylist(master).variants[0]!.attributes.CODECS).toMatch(/^avc1\.[0-9a-f]{6}$/);
    expect(await streamOf(join(out, 'download.mp4'), 'audio')).toBeUndefined();
  });

  it('handles a 1-second clip as one short segment', async () => {
    const { manifest, out } = await transcode(await clips.oneSecond(dir), 'one-second');
    expect(manifest.durationSeconds).toBeCloseTo(1, 1);
    const playlist = await readFile(join(out, '360p/playlist.m3u8'), 'utf8');
    expect(playlist.match(/#EXTINF/g)).toHaveLength(1);
    expect(manifest.sprite?.columns).toBe(1);
  });

  it('skips a black opening when choosing the poster', async () => {
    const { out } = await transcode(await clips.blackStart(dir), 'black-start');
    expect(await meanLuma(join(out, 'poster.jpg'))).toBeGreaterThan(30);
  });

  it('keeps every segment but the last within 6 s', async () => {
    const { manifest, out } = await transcode(
      await clips.webinar(dir, 'webinar-360p.mp4', 8, '640x360', 15),
      'segments',
    );
    const durations = (await expectPlayableRenditions(out, manifest)).get('360p')!;
    expect(durations.length).toBe(2);
    for (const d of durations) expect(d).toBeLessThanOrEqual(SEGMENT_MAX_SECONDS);
  });
});

describe('unusable recordings', () => {
  it.each([
    ['an empty file', () => clips.empty(dir), 'The file is empty'],
    ['a text file', () => clips.text(dir), 'The file is not a video or audio recording'],
    [
      'an MP4 cut in half (index at the end)',
      () => clips.truncated(dir, false),
      /^The file is truncated: the MP4 index \(moov atom\) is missing/,
    ],
    [
      'an MP4 cut in half (index first)',
      () => clips.truncated(dir, true),
      /^The file is truncated: it stops after 0:02 of 0:04$/,
    ],
  ])('fails at once on %s with a specific reason and leaves nothing behind', async (_, make, reason) => {
    const source = await make();
    const out = join(dir, `out-bad-${Math.random().toString(36).slice(2)}`);
    const error = await transcodeRecording(source, out, { kind: 'full' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableMediaError);
    expect((error as UnusableMediaError).reason).toMatch(reason);
    expect(await readdir(out)).toEqual([]);
  });
});
