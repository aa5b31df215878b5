import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser.ts';
import {
  clockBits,
  clockBlock,
  clockPictureScript,
  type RgbaImage,
  readClockPicture,
} from './support/clock-picture.ts';

// The fake camera's clock code (support/clock-picture.ts): what the broadcast's latency
// measurement reads back from the viewer's video must decode to the time drawn, after the
// scaling, blur and coarse encoding the picture goes through on its way, and nothing else may.
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  browser = await launchBrowser();
  tmp = await mkdtemp(join(tmpdir(), 'folkemote-clock-'));
});

afterAll(async () => {
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const times = [0, 1, 2 ** 48 - 1, 1_796_000_000_123, Date.UTC(2026, 11, 7, 21, 0, 0, 999)];

/** The blocks alone, drawn straight into an RGBA buffer (grey ground, as the camera draws it). */
function blocksImage(ms: number, width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4).fill(96);
  const bits = clockBits(ms);
  for (let index = 0; index < 64; index++) {
    const block = clockBlock(index);
    const value = bits[index] ? 255 : 0;
    for (let y = Math.round(block.y * height); y < Math.round((block.y + block.h) * height); y++) {
      for (let x = Math.round(block.x * width); x < Math.round((block.x + block.w) * width); x++) {
        data.set([value, value, value, 255], (y * width + x) * 4);
      }
    }
  }
  return { width, height, data };
}

const ffmpeg = (args: string[]) =>
  promisify(execFile)('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });

/** The first frame of `file`, through `filters`, as RGBA at the size the filters end with. */
async function rgbaFrame(file: string, filters: string, size: { width: number; height: number }) {
  const { stdout } = await ffmpeg([
    ...['-i', file, '-frames:v', '1', '-vf', `${filters},format=rgba`],
    ...['-f', 'rawvideo', 'pipe:1'],
  ]);
  return { ...size, data: new Uint8Array(stdout) };
}

/** Draws the camera's picture for `ms` in Chromium (the real drawing, text and all) and saves it as PNG. */
async function drawInChromium(ms: number, width: number, height: number): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ content: clockPictureScript() });
    const dataUrl = await page.evaluate(
      ({ ms, width, height }) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d')!;
        const page = globalThis as unknown as {
          drawClockPicture: (c: CanvasRenderingContext2D, w: number, h: number, t: number) => void;
        };
        page.drawClockPicture(context, width, height, ms);
        return canvas.toDataURL('image/png');
      },
      { ms, width, height },
    );
    const file = join(tmp, `clock-${ms}.png`);
    await writeFile(file, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
    return file;
  } finally {
    await page.close();
  }
}

describe('the clock picture', () => {
  it('carries 48 bits of time and a CRC-16 that reads back as the same time', () => {
    for (const ms of times) {
      const bits = clockBits(ms);
      expect(bits).toHaveLength(64);
      expect(readClockPicture(blocksImage(ms, 320, 180))).toBe(ms);
    }
    expect(() => clockBits(2 ** 48)).toThrow(RangeError);
    expect(() => clockBits(1.5)).toThrow(RangeError);
  });

  it('reads nothing from a picture whose code was changed, or from another picture', () => {
    const image = blocksImage(times[3]!, 320, 180);
    // Turn one block of the time to the other colour: the CRC no longer matches.
    const block = clockBlock(40);
    const value = clockBits(times[3]!)[40] ? 0 : 255;
    for (let y = Math.round(block.y * 180); y < Math.round((block.y + block.h) * 180); y++) {
      for (let x = Math.round(block.x * 320); x < Math.round((block.x + block.w) * 320); x++) {
        image.data.set([value, value, value, 255], (y * 320 + x) * 4);
      }
    }
    expect(readClockPicture(image)).toBeNull();
    expect(
      readClockPicture({ width: 64, height: 36, data: new Uint8Array(64 * 36 * 4).fill(128) }),
    ).toBeNull();
    expect(readClockPicture({ width: 64, height: 36, data: new Uint8Array(64 * 36 * 4) })).toBeNull();
  });

  it('reads the time drawn by the camera after scaling to 240p, a blur and x264 at ultrafast, in black bars', async () => {
    const ms = times[4]!;
    const png = await drawInChromium(ms, 640, 360);
    expect(readClockPicture(await rgbaFrame(png, 'null', { width: 640, height: 360 }))).toBe(ms);

    // What the broadcast does to it, and worse: a small rendition, soft, at a starved bitrate.
    const encoded = join(tmp, 'clock.mp4');
    await ffmpeg([
      ...['-loop', '1', '-i', png, '-t', '1', '-r', '15'],
      ...['-vf', 'scale=426:240,gblur=sigma=1.5,format=yuv420p'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '100k', encoded],
    ]);
    expect(readClockPicture(await rgbaFrame(encoded, 'null', { width: 426, height: 240 }))).toBe(ms);
    // Letterboxed into a taller frame, as a layout fits a 16:9 camera into another shape.
    const boxed = await rgbaFrame(encoded, 'pad=426:320:0:40:black', { width: 426, height: 320 });
    expect(readClockPicture(boxed)).toBe(ms);
  }, 60_000);
});
