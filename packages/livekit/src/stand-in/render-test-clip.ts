import { spawn } from 'node:child_process';

export interface TestClipOptions {
  ffmpegPath: string;
  outputPath: string;
  durationSeconds: number;
  width: number;
  height: number;
  framerate: number;
  videoBitrateKbps: number;
  audio: boolean;
  video: boolean;
  signal?: AbortSignal;
}

/**
 * Writes what egress would have recorded if the room had media: an H.264 test pattern with a
 * running clock and an AAC tone, in an MP4 whose index is at the front.
 */
export async function renderTestClip(options: TestClipOptions): Promise<void> {
  const duration = options.durationSeconds.toFixed(3);
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];
  if (options.video) {
    args.push(
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=${options.width}x${options.height}:rate=${options.framerate}:duration=${duration}`,
    );
  }
  if (options.audio) {
    args.push('-f', 'lavfi', '-i', `sine=frequency=440:beep_factor=4:sample_rate=44100:duration=${duration}`);
  }
  if (options.video) {
    const rate = options.videoBitrateKbps;
    args.push(
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-profile:v',
      'high',
      '-pix_fmt',
      'yuv420p',
      '-b:v',
      `${rate}k`,
      '-maxrate',
      `${rate}k`,
      '-bufsize',
      `${rate * 2}k`,
      '-g',
      String(options.framerate * 2),
    );
  }
  if (options.audio) args.push('-c:a', 'aac', '-b:a', '128k', '-ar', '44100', '-ac', '2');
  args.push('-t', duration, '-movflags', '+faststart', '-f', 'mp4', options.outputPath);

  await runFfmpeg(options.ffmpegPath, args, options.signal);
}

/** Runs ffmpeg to the end; rejects with the end of what it said when it fails. */
export function runFfmpeg(ffmpegPath: string, args: string[], signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(ffmpegPath, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(signal ? { signal } : {}),
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    child.once('error', reject);
    child.once('close', (code, exitSignal) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${exitSignal ?? `code ${code}`}: ${stderr.trim()}`));
    });
  });
}
