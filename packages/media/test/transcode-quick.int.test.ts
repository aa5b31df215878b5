import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { transcodeManifestSchema } from '@folkemote/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canQuickPublish,
  joinRendition,
  parseMasterPlaylist,
  probeMedia,
  QuickPublishNotPossibleError,
  transcodeRecording,
} from '../src/index.ts';
import { clips, expectPlayableRenditions, ffmpeg, makeTempDir, meanLuma } from './support/media-fixtures.ts';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('quick');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a quick version', () => {
  it('stream-copies an H.264/AAC recording into one rendition with a poster and no download', async () => {
    const source = await clips.webinar(dir, 'webinar.mp4', 8, '640x360', 15);
    const probe = await probeMedia(source);
    expect(canQuickPublish(probe)).toBe(true);
    const progress: string[] = [];
    const steps: string[] = [];
    const out = join(dir, 'out');
    const manifest = await transcodeRecording(source, out, {
      kind: 'quick',
      probe,
      onProgress: (p) => progress.push(p.stage),
      onStep: (name) => steps.push(name),
    });
    await expectPlayableRenditions(out, manifest);
    expect(transcodeManifestSchema.parse(manifest)).toEqual(manifest);

    expect(manifest).toMatchObject({
      kind: 'quick',
      copiedRendition: '360p',
      loudness: null,
      sprite: null,
      poster: 'poster.jpg',
      download: null,
    });
    // The download comes with the full version: the quick one neither writes nor lists it.
    expect(steps).not.toContain('download file');
    expect(manifest.files.filter((f) => f.startsWith('download'))).toEqual([]);
    expect((await readdir(out)).filter((f) => f.startsWith('download'))).toEqual([]);
    expect(manifest.renditions.map((r) => `${r.name}:${r.copied}`)).toEqual(['360p:true', 'audio:true']);
    expect(new Set(progress)).toEqual(new Set(['remuxing']));

    const master = parseMasterPlaylist(await readFile(join(out, 'master.m3u8'), 'utf8'));
    // The picture's variant, then the audio-only one.
    expect(master.variants.map((v) => v.uri)).toEqual(['360p/playlist.m3u8', 'audio/playlist.m3u8']);
    expect(Object.keys(master.variants[0]!.attributes).sort()).toEqual(
      ['AUDIO', 'AVERAGE-BANDWIDTH', 'BANDWIDTH', 'CODECS', 'FRAME-RATE', 'RESOLUTION'].sort(),
    );
    expect(master.variants[0]!.attributes.RESOLUTION).toBe('640x360');

    // Copied, not re-encoded: the packets are the source's own.
    const joined = join(dir, 'quick-video.mp4');
    await joinRendition(join(out, '360p/playlist.m3u8'), joined);
    const hashes = async (file: string, name: string) => {
      const md5 = join(dir, name);
      await ffmpeg(['-i', file, '-map', '0:v:0', '-c', 'copy', '-f', 'framemd5', md5]);
      return (await readFile(md5, 'utf8'))
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split(',').at(-1));
    };
    expect(await hashes(joined, 'copy.md5')).toEqual(await hashes(source, 'source.md5'));

    expect(await meanLuma(join(out, 'poster.jpg'))).toBeGreaterThan(30);
  });

  it('refuses sources that cannot be copied, leaving the output empty', async () => {
    const source = await clips.oddSize(dir);
    expect(canQuickPublish(await probeMedia(source))).toBe(false);
    const out = join(dir, 'out-vp9');
    await expect(transcodeRecording(source, out, { kind: 'quick' })).rejects.toBeInstanceOf(
      QuickPublishNotPossibleError,
    );
    expect(await readdir(out)).toEqual([]);
  });

  it('publishes AAC audio alone', async () => {
    const out = join(dir, 'out-audio');
    const manifest = await transcodeRecording(await clips.audioOnly(dir), out, { kind: 'quick' });
    expect(manifest.renditions.map((r) => r.name)).toEqual(['audio']);
    expect(manifest.download).toBeNull();
    expect(manifest.poster).toBe('poster.jpg');
    expect((await readdir(out)).filter((f) => f.startsWith('download'))).toEqual([]);
  });
});
