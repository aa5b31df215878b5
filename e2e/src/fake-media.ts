import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FakeMediaFiles } from './browser.ts';

/** The fake microphone's tone, in hertz. */
export const FAKE_TONE_HZ = 440;

/**
 * Writes the files Chromium's fake camera and microphone play, into `directory`: two seconds of
 * ffmpeg's moving test pattern (640×360, 15 frames a second: a sweeping gradient, a moving
 * square and a running counter) and of a 440 Hz tone that swells and fades four times a second,
 * as syllables do: a steady tone is what a microphone's noise suppression takes away, and then
 * nobody would be heard speaking. Chromium loops both.
 */
export async function makeFakeMedia(directory: string): Promise<FakeMediaFiles> {
  const files = { video: join(directory, 'camera.y4m'), audio: join(directory, 'microphone.wav') };
  const ffmpeg = (args: string[]) =>
    promisify(execFile)(process.env.FFMPEG_PATH ?? 'ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      ...args,
    ]);
  await Promise.all([
    ffmpeg([
      ...['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=15'],
      ...['-t', '2', '-pix_fmt', 'yuv420p', files.video],
    ]),
    ffmpeg([
      ...[
        '-f',
        'lavfi',
        '-i',
        `aevalsrc='0.5*sin(2*PI*${FAKE_TONE_HZ}*t)*(0.55+0.45*sin(2*PI*4*t))':s=48000:d=2`,
      ],
      ...['-ac', '1', files.audio],
    ]),
  ]);

  return files;
}
