import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { TranscodeManifest } from '@folkemote/domain';
import { expect } from 'vitest';
import { parseMediaPlaylist } from '../../src/index.ts';

const run = promisify(execFile);

export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `folkemote-media-${prefix}-`));
}

export async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args]);
}

export async function ffprobeJson(
  file: string,
  args: string[],
): Promise<{
  streams?: Record<string, unknown>[];
  packets?: Record<string, unknown>[];
  frames?: Record<string, unknown>[];
  format?: Record<string, unknown>;
}> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-of', 'json', ...args, file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

const lavfiVideo = (size: string, fps: number, seconds: number) => [
  '-f',
  'lavfi',
  '-i',
  `testsrc2=s=${size}:r=${fps}:d=${seconds}`,
];
/** A 440 Hz tone at a level well below the loudness target (about −26 LUFS once in stereo). */
const lavfiTone = (seconds: number, extra = '') => ['-f', 'lavfi', '-i', `sine=f=440:d=${seconds}${extra}`];
const fastH264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];

/** Small clips for the awkward-but-valid cases; each a few seconds and at most 640x360 unless stated. */
export const clips = {
  /** H.264 + AAC like LiveKit Egress, via the shared clip maker (slide, inset, tone). */
  async webinar(dir: string, name: string, seconds: number, size: string, fps: number): Promise<string> {
    const file = join(dir, name);
    await run('/work/shared/media/make-webinar-clip.sh', [file, String(seconds), size, String(fps)]);
    return file;
  },
  /** VP9 at 853x481 with Opus: odd sides, and neither codec can be copied. */
  async oddSize(dir: string): Promise<string> {
    const file = join(dir, 'odd.webm');
    await ffmpeg([
      ...lavfiVideo('860x490', 30, 3),
      ...lavfiTone(3),
      '-vf',
      'format=yuv444p,crop=853:481:0:0,format=yuv420p',
      '-c:v',
      'libvpx-vp9',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-b:v',
      '800k',
      '-c:a',
      'libopus',
      file,
    ]);
    return file;
  },
  /** A phone recording: stored 640x360 landscape, flagged to be shown turned a quarter (portrait). */
  async rotated(dir: string): Promise<string> {
    const plain = join(dir, 'rotated-plain.mp4');
    const file = join(dir, 'rotated.mp4');
    await ffmpeg([
      ...lavfiVideo('640x360', 30, 4),
      ...lavfiTone(4),
      ...fastH264,
      '-g',
      '30',
      '-c:a',
      'aac',
      plain,
    ]);
    await ffmpeg(['-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', file]);
    return file;
  },
  /** Frames dropped in an uneven pattern and timestamps kept: a variable frame rate. */
  async variableFrameRate(dir: string): Promise<string> {
    const file = join(dir, 'vfr.mp4');
    await ffmpeg([
      ...lavfiVideo('640x360', 30, 5),
      ...lavfiTone(5),
      '-vf',
      "select='not(mod(n\\,3))+not(mod(n\\,7))'",
      '-fps_mode',
      'vfr',
      ...fastH264,
      '-c:a',
      'aac',
      file,
    ]);
    return file;
  },
  /** 5.1 AAC at 48 kHz. */
  async surround(dir: string): Promise<string> {
    const file = join(dir, 'surround.mp4');
    await ffmpeg([
      ...lavfiVideo('640x360', 30, 4),
      ...lavfiTone(4),
      ...fastH264,
      '-c:a',
      'aac',
      '-ac',
      '6',
      '-ar',
      '48000',
      file,
    ]);
    return file;
  },
  /** Mono AAC at 44.1 kHz. */
  async mono(dir: string): Promise<string> {
    const file = join(dir, 'mono.mp4');
    await ffmpeg([
      ...lavfiVideo('640x360', 30, 4),
      ...lavfiTone(4),
      ...fastH264,
      '-c:a',
      'aac',
      '-ac',
      '1',
      '-ar',
      '44100',
      file,
    ]);
    return file;
  },
  async audioOnly(dir: string): Promise<string> {
    const file = join(dir, 'audio.m4a');
    await ffmpeg([...lavfiTone(4), '-c:a', 'aac', '-ar', '48000', file]);
    return file;
  },
  async videoOnly(dir: string): Promise<string> {
    const file = join(dir, 'video-only.mp4');
    await ffmpeg([...lavfiVideo('640x360', 30, 4), ...fastH264, file]);
    return file;
  },
  async oneSecond(dir: string): Promise<string> {
    const file = join(dir, 'one-second.mp4');
    await ffmpeg([...lavfiVideo('640x360', 30, 1), ...lavfiTone(1), ...fastH264, '-c:a', 'aac', file]);
    return file;
  },
  /** A steady 1 kHz tone, ffmpeg's default sine (−18 dBFS) turned by `levelDb`, for loudness checks. */
  async tone(dir: string, levelDb: number, seconds = 6): Promise<string> {
    const file = join(dir, `tone${levelDb}.mp4`);
    await ffmpeg([
      ...lavfiVideo('320x180', 15, seconds),
      '-f',
      'lavfi',
      '-i',
      `sine=f=1000:d=${seconds}:sample_rate=48000,volume=${levelDb}dB:precision=double`,
      ...fastH264,
      '-c:a',
      'aac',
      '-b:a',
      '192k',
      file,
    ]);
    return file;
  },
  /** Opens with two seconds of black, then a picture: the poster must skip the black. */
  async blackStart(dir: string): Promise<string> {
    const file = join(dir, 'black-start.mp4');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'color=c=black:s=640x360:r=30:d=2',
      ...lavfiVideo('640x360', 30, 6),
      ...lavfiTone(8),
      '-filter_complex',
      '[0:v][1:v]concat=n=2:v=1:a=0[v]',
      '-map',
      '[v]',
      '-map',
      '2:a',
      ...fastH264,
      '-c:a',
      'aac',
      file,
    ]);
    return file;
  },
  async empty(dir: string): Promise<string> {
    const file = join(dir, 'empty.mp4');
    await writeFile(file, '');
    return file;
  },
  async text(dir: string): Promise<string> {
    const file = join(dir, 'minutes.mp4');
    await writeFile(file, 'Referat fra møtet i kommunestyret.\n'.repeat(200));
    return file;
  },
  /** An MP4 cut in half, as an interrupted upload leaves it. `faststart` puts the index first. */
  async truncated(dir: string, faststart: boolean): Promise<string> {
    const file = join(dir, faststart ? 'cut-faststart.mp4' : 'cut.mp4');
    await ffmpeg([
      ...lavfiVideo('320x180', 30, 4),
      ...lavfiTone(4),
      ...fastH264,
      '-c:a',
      'aac',
      ...(faststart ? ['-movflags', '+faststart'] : []),
      file,
    ]);
    await truncate(file, Math.floor((await stat(file)).size / 2));
    return file;
  },
};

/** Every rendition's media playlist parses, ends, and its init and segments exist. Returns segment durations by rendition. */
export async function expectPlayableRenditions(
  outDir: string,
  manifest: TranscodeManifest,
): Promise<Map<string, number[]>> {
  const durations = new Map<string, number[]>();
  for (const r of manifest.renditions) {
    const file = join(outDir, r.playlist);
    const playlist = parseMediaPlaylist(await readFile(file, 'utf8'));
    expect(playlist.ended, `${r.name} ends with EXT-X-ENDLIST`).toBe(true);
    expect(playlist.mapUri, `${r.name} has an init segment`).toBe('init.mp4');
    expect(existsSync(join(dirname(file), 'init.mp4'))).toBe(true);
    expect(playlist.segments.length).toBeGreaterThan(0);
    for (const s of playlist.segments) {
      expect(existsSync(join(dirname(file), s.uri)), `${r.name}/${s.uri} exists`).toBe(true);
      expect(s.duration).toBeLessThanOrEqual(playlist.targetDuration + 0.5);
    }
    durations.set(
      r.name,
      playlist.segments.map((s) => s.duration),
    );
  }
  return durations;
}

/** Mean luma (0–255) of an image, from ffmpeg's signalstats. */
export async function meanLuma(image: string): Promise<number> {
  const { stderr } = await run('ffmpeg', [
    '-hide_banner',
    '-nostdin',
    '-i',
    image,
    '-vf',
    'signalstats,metadata=mode=print:key=lavfi.signalstats.YAVG',
    '-f',
    'null',
    '-',
  ]);
  const match = /lavfi\.signalstats\.YAVG=([\d.]+)/.exec(stderr);
  if (!match) throw new Error('no YAVG in ffmpeg output');
  return Number(match[1]);
}

/** Presentation times of the keyframes of a file's first video stream. */
export async function keyframeTimes(file: string): Promise<number[]> {
  const { packets = [] } = await ffprobeJson(file, [
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=pts_time,flags',
  ]);
  return packets
    .filter((p) => String(p.flags).startsWith('K'))
    .map((p) => Number(p.pts_time))
    .sort((a, b) => a - b);
}
