import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const run = promisify(execFile);

/** The least part S3 takes but the last: browser-upload tests set `UPLOAD_PART_BYTES` to it. */
export const UPLOAD_TEST_PART_BYTES = 5 * 1024 * 1024;

async function writeNoiseClip(file: string, seconds: number): Promise<number> {
  // Noise does not compress, so a few seconds make several parts.
  await run('ffmpeg', [
    ...['-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'nullsrc=size=640x360:rate=25,geq=random(1)*255:128:128,format=yuv420p'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
    ...['-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '8'],
    ...['-c:a', 'aac', '-shortest', '-movflags', '+faststart', file],
  ]);
  return (await stat(file)).size;
}

/** A playable clip of more than `minBytes` (a clip of 4 s first, then one as long as it takes). */
export async function makeNoiseClip(file: string, minBytes: number): Promise<number> {
  const size = await writeNoiseClip(file, 4);
  if (size > minBytes) return size;
  return writeNoiseClip(file, Math.ceil((4 * minBytes * 1.1) / size));
}

/** Slows the page's uploads to a rate at which a cut can land halfway; `null` lifts it. */
export async function throttleUploads(page: Page, bytesPerSecond: number | null): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond ?? -1,
  });
}
