import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function font(): string | null {
  const candidates = [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  ];
  return candidates.find((f) => existsSync(f)) ?? null;
}

/**
 * A short webinar-like recording made with ffmpeg alone — a slide, a small
 * moving camera inset and a voice-like tone — encoded as LiveKit Egress does
 * (H.264 High + AAC in MP4), so the demo goes through the real pipeline.
 */
export async function makeDemoClip(out: string, seconds = 20): Promise<string> {
  if (existsSync(out)) return out;
  await mkdir(path.dirname(out), { recursive: true });
  const f = font();
  const text = (t: string, size: number, y: string) =>
    f ? `,drawtext=fontfile=${f}:text='${t}':fontsize=${size}:fontcolor=white:x=w/16:y=${y}` : '';
  const tmp = `${out}.partial.mp4`;
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=c=0x1f3b73:s=1280x720:r=30:d=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=256x144:r=30:d=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=f=220:beep_factor=4:d=${seconds},volume=0.3`,
    '-filter_complex',
    `[0:v]null${text('Robust oppvekst?', 64, 'h/5')}${text('Erfaringer fra Sømna kommune', 40, 'h/2.7')}[bg];[bg][1:v]overlay=W-w-24:H-h-24[v]`,
    '-map',
    '[v]',
    '-map',
    '2:a',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-profile:v',
    'high',
    '-pix_fmt',
    'yuv420p',
    '-b:v',
    '2M',
    '-maxrate',
    '3M',
    '-bufsize',
    '6M',
    '-g',
    '60',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-ar',
    '48000',
    '-movflags',
    '+faststart',
    tmp,
  ]);
  await rename(tmp, out);
  return out;
}
