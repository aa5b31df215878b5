import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A small H.264/AAC test recording (what LiveKit Egress writes), made with ffmpeg lavfi. */
export async function makeClip(
  out: string,
  {
    seconds = 6,
    size = '640x360',
    codec = 'libx264',
  }: { seconds?: number; size?: string; codec?: string } = {},
): Promise<string> {
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=${size}:r=30:d=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=f=330:beep_factor=2:d=${seconds},volume=0.3`,
    '-c:v',
    codec,
    ...(codec === 'libx264' ? ['-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', '60'] : ['-q:v', '5']),
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-movflags',
    '+faststart',
    out,
  ]);
  return out;
}

export async function ffprobeStreams(
  file: string,
): Promise<Array<{ codec_type: string; codec_name: string; width?: number; height?: number }>> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file]);
  return JSON.parse(stdout).streams;
}
