import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { ffmpeg } from './media-fixtures.ts';

/**
 * Recordings whose picture does not last as long as their sound, made with ffmpeg lavfi: a
 * camera turned off before the end, one turned on late, one that dropped out for a while.
 * `container` is the file's extension: mp4, mov, mkv, webm or ts; `streamed` writes it as a
 * live recorder does, to a pipe, with no duration in its header.
 */
export interface UnevenClip {
  kind: 'early-end' | 'late-start' | 'gap' | 'brief-picture' | 'early-sound-end';
  container: 'mp4' | 'mov' | 'mkv' | 'webm' | 'ts';
  streamed?: boolean;
  /** Seconds every timestamp starts at, as a live recorder's MPEG-TS does. */
  offset?: number;
}

/** Seconds of sound in every uneven clip. */
export const UNEVEN_SOUND_SECONDS = 8;

const codecsOf = (container: UnevenClip['container']) =>
  container === 'webm'
    ? ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k', '-c:a', 'libopus']
    : ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '30', '-c:a', 'aac'];

const muxerOf = (container: UnevenClip['container']) =>
  ({ mp4: 'mp4', mov: 'mov', mkv: 'matroska', webm: 'webm', ts: 'mpegts' })[container];

export async function makeUnevenClip(dir: string, clip: UnevenClip): Promise<string> {
  const file = join(
    dir,
    `${clip.kind}${clip.streamed ? '-streamed' : ''}${clip.offset ? `-at-${clip.offset}` : ''}.${clip.container}`,
  );
  const sound = ['-f', 'lavfi', '-i', `sine=f=440:d=${UNEVEN_SOUND_SECONDS}`];
  const picture = (seconds: number) => ['-f', 'lavfi', '-i', `testsrc2=s=320x180:r=30:d=${seconds}`];
  const inputs = {
    'early-end': [...picture(3), ...sound],
    'late-start': ['-itsoffset', '3', ...picture(5), ...sound],
    gap: [...picture(UNEVEN_SOUND_SECONDS), ...sound],
    // Half a second of picture: every usual poster position lies after it.
    'brief-picture': [...picture(0.5), ...sound],
    'early-sound-end': [...picture(UNEVEN_SOUND_SECONDS), '-f', 'lavfi', '-i', 'sine=f=440:d=3'],
  }[clip.kind];
  // A hole: no frames between 3 s and 6 s, the others keep their times.
  const hole = clip.kind === 'gap' ? ['-vf', "select='not(between(t,3,6))'", '-fps_mode', 'passthrough'] : [];
  const streamed = clip.streamed && clip.container === 'mp4' ? ['-movflags', 'frag_keyframe+empty_moov'] : [];
  const args = [
    ...inputs,
    '-map',
    '0:v',
    '-map',
    '1:a',
    ...hole,
    ...codecsOf(clip.container),
    ...streamed,
    ...(clip.offset ? ['-output_ts_offset', String(clip.offset)] : []),
    '-f',
    muxerOf(clip.container),
  ];
  if (clip.streamed && clip.container !== 'mp4') await ffmpegToPipe(args, file);
  else await ffmpeg([...args, file]);
  return file;
}

/** ffmpeg writing to its standard output, as a recorder piping a live stream does (no seeking back). */
async function ffmpegToPipe(args: string[], file: string): Promise<void> {
  const out = await open(file, 'w');
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', ...args, 'pipe:1'], {
        stdio: ['ignore', out.fd, 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`))));
    });
  } finally {
    await out.close();
  }
}
