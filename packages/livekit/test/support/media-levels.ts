import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The sound's mean volume in dBFS (ffmpeg's volumedetect); about -91 for digital silence. */
export async function meanVolume(file: string): Promise<number> {
  const { stderr } = await run('ffmpeg', [
    '-hide_banner',
    '-nostats',
    '-i',
    file,
    '-af',
    'volumedetect',
    '-f',
    'null',
    '-',
  ]);
  const match = /mean_volume: (-?[\d.]+) dB/.exec(stderr);
  if (!match) throw new Error(`no mean volume in: ${stderr.slice(-300)}`);
  return Number(match[1]);
}

/** The picture's mean luma over its frames (signalstats YAVG): 16 for black. */
export async function meanLuma(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `movie=${file},signalstats`,
    '-show_entries',
    'frame_tags=lavfi.signalstats.YAVG',
    '-of',
    'csv=p=0',
  ]);
  const values = stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(Number);
  if (values.length === 0) throw new Error('no frames');
  return values.reduce((a, b) => a + b, 0) / values.length;
}
