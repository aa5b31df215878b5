import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Progress, TranscodeManifest } from '@folkemote/domain';
import { transcodeManifestSchema } from '@folkemote/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  joinRendition,
  listOutputFiles,
  parseMasterPlaylist,
  probeMedia,
  SEGMENT_MAX_SECONDS,
  SEGMENT_MIN_SECONDS,
  transcodeRecording,
} from '../src/index.ts';
import {
  clips,
  expectPlayableRenditions,
  ffmpeg,
  ffprobeJson,
  keyframeTimes,
  makeTempDir,
  meanLuma,
} from './support/media-fixtures.ts';

let dir: string;
let source: string;
let outDir: string;
let manifest: TranscodeManifest;
let segments: Map<string, number[]>;
const progress: Progress[] = [];

beforeAll(async () => {
  dir = await makeTempDir('full');
  // 1080p is needed for the copy decision and a four-rung ladder. At 8 fps the 8 s clip has
  // fewer frames than 3 s at 30 fps, yet gives two segments to compare across renditions.
  source = await clips.webinar(dir, 'webinar-1080p.mp4', 8, '1920x1080', 8);
  outDir = join(dir, 'out');
  manifest = await transcodeRecording(source, outDir, { kind: 'full', onProgress: (p) => progress.push(p) });
  segments = await expectPlayableRenditions(outDir, manifest);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a full transcode of a 1080p H.264 webinar recording', () => {
  it('returns a manifest that fits the schema and lists exactly the files written', async () => {
    expect(transcodeManifestSchema.parse(manifest)).toEqual(manifest);
    expect(JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    expect(manifest.files).toEqual(await listOutputFiles(outDir));
    expect(manifest.files).toEqual(
      expect.arrayContaining([
        'master.m3u8',
        'poster.jpg',
        'sprite.jpg',
        'sprite.vtt',
        'download.mp4',
        'manifest.json',
      ]),
    );
    expect(existsSync(join(outDir, '.work'))).toBe(false);
  });

  it('makes the whole ladder and an audio rendition, the top one copied', () => {
    expect(manifest.renditions.map((r) => `${r.name}:${r.kind}:${r.copied}`)).toEqual([
      '1080p:video:true',
      '720p:video:false',
      '480p:video:false',
      '360p:video:false',
      'audio:audio:false',
    ]);
    expect(manifest.copiedRendition).toBe('1080p');
  });

  it('copies the top rendition packet for packet', async () => {
    const joined = join(dir, 'copied-1080p.mp4');
    await joinRendition(join(outDir, '1080p/playlist.m3u8'), joined);
    const hashes = async (file: string) => {
      const out = join(dir, `${Math.random().toString(36).slice(2)}.md5`);
      await ffmpeg(['-i', file, '-map', '0:v:0', '-c', 'copy', '-f', 'framemd5', out]);
      return (await readFile(out, 'utf8'))
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split(',').at(-1)!.trim());
    };
    expect(await hashes(joined)).toEqual(await hashes(source));

    const [copied] = (await ffprobeJson(joined, ['-select_streams', 'v:0', '-show_streams'])).streams!;
    const [original] = (await ffprobeJson(source, ['-select_streams', 'v:0', '-show_streams'])).streams!;
    for (const key of ['codec_name', 'profile', 'level', 'width', 'height', 'pix_fmt'])
      expect(copied![key]).toEqual(original![key]);
    const top = manifest.renditions[0]!;
    const probe = await probeMedia(source);
    expect(Math.abs(top.averageBandwidth - probe.video!.bitRate!) / probe.video!.bitRate!).toBeLessThan(0.1);
  });

  it('cuts 4–6 s segments, the same in every video rendition', () => {
    const reference = segments.get('1080p')!;
    expect(reference.length).toBe(2);
    reference.slice(0, -1).forEach((d) => {
      expect(d).toBeGreaterThanOrEqual(SEGMENT_MIN_SECONDS);
      expect(d).toBeLessThanOrEqual(SEGMENT_MAX_SECONDS);
    });
    for (const name of ['720p', '480p', '360p']) {
      const own = segments.get(name)!;
      expect(own.length, name).toBe(reference.length);
      for (const [i, d] of own.entries()) expect(d).toBeCloseTo(reference[i]!, 2);
    }
  });

  it('puts keyframes at the same instants in every video rendition', async () => {
    const times = async (name: string) => {
      const joined = join(dir, `kf-${name}.mp4`);
      await joinRendition(join(outDir, `${name}/playlist.m3u8`), joined);
      return (await keyframeTimes(joined)).map((t) => Math.round(t * 100) / 100);
    };
    const reference = await times('1080p');
    expect(reference.length).toBeGreaterThan(1);
    for (const name of ['720p', '480p', '360p']) expect(await times(name), name).toEqual(reference);
  });

  it('writes a master playlist with every attribute players need', async () => {
    const master = parseMasterPlaylist(await readFile(join(outDir, 'master.m3u8'), 'utf8'));
    expect(master.media).toEqual([
      expect.objectContaining({
        TYPE: 'AUDIO',
        'GROUP-ID': 'audio',
        URI: 'audio/playlist.m3u8',
        CHANNELS: '2',
      }),
    ]);
    expect(master.variants.map((v) => v.uri)).toEqual(
      ['1080p', '720p', '480p', '360p', 'audio'].map((n) => `${n}/playlist.m3u8`),
    );
    for (const { uri, attributes } of master.variants.slice(0, -1)) {
      const rendition = manifest.renditions.find((r) => r.playlist === uri)!;
      const audio = manifest.renditions.find((r) => r.kind === 'audio')!;
      expect(Number(attributes.BANDWIDTH)).toBe(rendition.bandwidth + audio.bandwidth);
      expect(Number(attributes['AVERAGE-BANDWIDTH'])).toBe(
        rendition.averageBandwidth + audio.averageBandwidth,
      );
      expect(Number(attributes.BANDWIDTH)).toBeGreaterThanOrEqual(Number(attributes['AVERAGE-BANDWIDTH']));
      expect(attributes.RESOLUTION).toBe(`${rendition.width}x${rendition.height}`);
      expect(attributes['FRAME-RATE']).toBe('8.000');
      expect(attributes.CODECS).toMatch(/^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
      expect(attributes.AUDIO).toBe('audio');
    }
    expect(master.variants[0]!.attributes.CODECS).toMatch(/^avc1\.6400/); // the source's High profile
  });

  it('normalises stereo AAC audio and records the loudness before and after', async () => {
    const [audio] = (await ffprobeJson(join(outDir, 'audio/init.mp4'), ['-show_streams'])).streams!;
    expect(audio).toMatchObject({ codec_name: 'aac', channels: 2 });
    expect(manifest.loudness).not.toBeNull();
    expect(manifest.loudness!.targetLufs).toBe(-16);
    expect(manifest.loudness!.truePeakDbtp).toBe(-1.5);
    expect(manifest.loudness!.after!.truePeakDbtp).toBeLessThanOrEqual(-1.5);
  });

  it('takes a poster that is not black, at most 720 lines', async () => {
    const [poster] = (await ffprobeJson(join(outDir, 'poster.jpg'), ['-show_streams'])).streams!;
    expect(poster).toMatchObject({ width: 1280, height: 720 });
    expect(await meanLuma(join(outDir, 'poster.jpg'))).toBeGreaterThan(30);
  });

  it('indexes the sprite with one cue per interval inside the image', async () => {
    const [sprite] = (await ffprobeJson(join(outDir, 'sprite.jpg'), ['-show_streams'])).streams!;
    const vtt = await readFile(join(outDir, 'sprite.vtt'), 'utf8');
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    const cues = [...vtt.matchAll(/sprite\.jpg#xywh=(\d+),(\d+),(\d+),(\d+)/g)].map((m) =>
      m.slice(1).map(Number),
    );
    expect(cues).toHaveLength(4);
    for (const [x, y, w, h] of cues) {
      expect(x! + w!).toBeLessThanOrEqual(Number(sprite!.width));
      expect(y! + h!).toBeLessThanOrEqual(Number(sprite!.height));
    }
    expect(manifest.sprite).toEqual({
      image: 'sprite.jpg',
      vtt: 'sprite.vtt',
      columns: 4,
      intervalSeconds: 2,
    });
  });

  it('remuxes a faststart download.mp4 of the top video and the normalised audio', async () => {
    const download = join(outDir, 'download.mp4');
    const { streams = [] } = await ffprobeJson(download, ['-show_streams']);
    expect(streams.map((s) => `${s.codec_type}:${s.codec_name}`)).toEqual(['video:h264', 'audio:aac']);
    expect(streams[0]).toMatchObject({ width: 1920, height: 1080 });
    const head = (await readFile(download)).subarray(0, 64 * 1024).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(0);
    expect(head.indexOf('moov')).toBeLessThan(
      head.indexOf('mdat') === -1 ? Number.POSITIVE_INFINITY : head.indexOf('mdat'),
    );
    expect(manifest.download).toEqual({
      file: 'download.mp4',
      contentType: 'video/mp4',
      bytes: expect.any(Number),
    });
  });

  it('reported progress through probing and transcoding, ending at 100 %', () => {
    expect(progress[0]!.stage).toBe('probing');
    const transcoding = progress.filter((p) => p.stage === 'transcoding');
    expect(transcoding.length).toBeGreaterThan(1);
    for (const [i, p] of transcoding.entries()) {
      expect(p.percent).toBeGreaterThanOrEqual(i === 0 ? 0 : transcoding[i - 1]!.percent);
    }
    expect(progress.at(-1)).toEqual({ stage: 'transcoding', percent: 100, etaSeconds: 0 });
  });
});

describe('loudness normalisation', () => {
  it.each([
    [-16, -1.5],
    [-23, -2],
  ])('brings a quiet tone to %d LUFS within 1 LU', async (targetLufs, truePeakDbtp) => {
    const tone = await clips.tone(dir, -12, 4);
    const out = join(dir, `tone-out${targetLufs}`);
    const result = await transcodeRecording(tone, out, {
      kind: 'full',
      loudness: { targetLufs, truePeakDbtp },
    });
    expect(result.loudness!.before.integratedLufs).toBeLessThan(-25);
    expect(Math.abs(result.loudness!.after!.integratedLufs - targetLufs)).toBeLessThanOrEqual(1);
    expect(result.loudness!.after!.truePeakDbtp).toBeLessThanOrEqual(truePeakDbtp);
  });
});
