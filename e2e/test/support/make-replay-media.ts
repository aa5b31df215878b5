import { execFile } from 'node:child_process';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildSpriteVtt, planSprite, SPRITE_IMAGE, SPRITE_VTT, spriteFilter } from '@folkemote/media';

const run = promisify(execFile);

async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

/**
 * A 6 s 640x360 H.264/AAC clip with a keyframe every 2 s, so the 2 s HLS segments cut cleanly.
 */
export async function makeSourceClip(file: string): Promise<void> {
  await ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
    ...['-t', '6', '-map', '0:v', '-map', '1:a'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    ...['-g', '50', '-keyint_min', '50', '-sc_threshold', '0'],
    ...['-c:a', 'aac', '-b:a', '96k', '-ac', '2'],
    file,
  ]);
}

export interface VersionFiles {
  master: string;
  poster: string | null;
  download: { file: string; contentType: string; bytes: number };
  captions: Array<{ srclang: string; label: string; file: string }>;
}

const captionsText = `WEBVTT

00:00:00.000 --> 00:00:03.000
Velkommen til folkemøtet.

00:00:03.000 --> 00:00:06.000
Vi starter med budsjettet.
`;

/**
 * Cuts a version directory like the worker publishes: fMP4 HLS with a master playlist, poster,
 * download and captions. `audioOnly` drops the picture
 * and the captions.
 */
export async function makeVersion(
  source: string,
  directory: string,
  audioOnly = false,
): Promise<VersionFiles> {
  await mkdir(join(directory, 'captions'), { recursive: true });
  await ffmpeg([
    ...['-i', source],
    ...(audioOnly ? ['-map', '0:a'] : ['-map', '0:v', '-map', '0:a']),
    ...['-c', 'copy', '-f', 'hls', '-hls_segment_type', 'fmp4', '-hls_time', '2'],
    ...['-hls_playlist_type', 'vod', '-hls_fmp4_init_filename', 'init.mp4'],
    ...['-hls_segment_filename', join(directory, 'segment-%03d.m4s')],
    ...['-master_pl_name', 'master.m3u8'],
    join(directory, 'stream.m3u8'),
  ]);
  const downloadName = audioOnly ? 'download.m4a' : 'download.mp4';
  await ffmpeg([
    ...['-i', source],
    ...(audioOnly ? ['-map', '0:a'] : ['-map', '0:v', '-map', '0:a']),
    ...['-c', 'copy', '-movflags', '+faststart', join(directory, downloadName)],
  ]);
  let poster: string | null = null;
  if (!audioOnly) {
    await ffmpeg(['-ss', '1', '-i', source, '-frames:v', '1', '-q:v', '4', join(directory, 'poster.jpg')]);
    poster = 'poster.jpg';
  }
  if (!audioOnly) await writeFile(join(directory, 'captions', 'nb.vtt'), captionsText);
  const { size } = await stat(join(directory, downloadName));
  return {
    master: 'master.m3u8',
    poster,
    download: { file: downloadName, contentType: audioOnly ? 'audio/mp4' : 'video/mp4', bytes: size },
    // The audio-only version has no captions, so its page uses the plain <audio> layout.
    captions: audioOnly ? [] : [{ srclang: 'nb', label: 'Norsk (bokmål)', file: 'captions/nb.vtt' }],
  };
}

/**
 * The thumbnail sprite of a full version, made with the transcode's own plan, filter and WebVTT
 * index (`sprite.jpg`, `sprite.vtt`), for a clip of the given length and display size.
 */
export async function makeSprite(
  source: string,
  directory: string,
  clip: { durationSeconds: number; width: number; height: number },
): Promise<{ vtt: string }> {
  const plan = planSprite(clip.durationSeconds, clip.width, clip.height);
  await ffmpeg([
    ...['-i', source, '-map', '0:v', '-vf', spriteFilter(plan)],
    ...['-c:v', 'mjpeg', '-q:v', '5', '-frames:v', '1', '-update', '1', '-f', 'image2'],
    join(directory, SPRITE_IMAGE),
  ]);
  await writeFile(join(directory, SPRITE_VTT), buildSpriteVtt(plan, clip.durationSeconds, SPRITE_IMAGE));
  return { vtt: SPRITE_VTT };
}

/**
 * A two-rendition ladder as the transcode publishes one (360p and 720p, 6 s, 2 s fMP4 segments,
 * a master playlist listing the lower first), for tests of which rendition a player starts with.
 */
export async function makeLadder(directory: string): Promise<{ master: string }> {
  const renditions = [
    { name: '360p', size: '640x360', rate: '800k', bandwidth: 1_200_000 },
    { name: '720p', size: '1280x720', rate: '2500k', bandwidth: 4_000_000 },
  ];
  for (const r of renditions) {
    const out = join(directory, r.name);
    await mkdir(out, { recursive: true });
    await ffmpeg([
      ...['-f', 'lavfi', '-i', `testsrc2=size=${r.size}:rate=25`],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
      ...['-t', '6', '-map', '0:v', '-map', '1:a'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-profile:v', 'high', '-level', '3.1'],
      ...['-pix_fmt', 'yuv420p', '-b:v', r.rate, '-g', '50', '-keyint_min', '50', '-sc_threshold', '0'],
      ...['-c:a', 'aac', '-b:a', '96k', '-ac', '2'],
      ...['-f', 'hls', '-hls_segment_type', 'fmp4', '-hls_time', '2', '-hls_playlist_type', 'vod'],
      ...['-hls_fmp4_init_filename', 'init.mp4', '-hls_segment_filename', join(out, 'segment-%03d.m4s')],
      join(out, 'stream.m3u8'),
    ]);
  }
  const master = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    ...renditions.flatMap((r) => [
      `#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth},RESOLUTION=${r.size},CODECS="avc1.64001f,mp4a.40.2"`,
      `${r.name}/stream.m3u8`,
    ]),
  ].join('\n');
  await writeFile(join(directory, 'master.m3u8'), `${master}\n`);
  return { master: 'master.m3u8' };
}
