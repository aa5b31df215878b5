/**
 * A camera picture that carries the wall-clock time it was drawn at, so a viewer far down the
 * stream (WebRTC, the recorder's composite, x264, HLS, the player) can tell how old the frame it
 * shows is: 48 bits of `Date.now()` and a 16-bit CRC as a 16 × 4 grid of black and white blocks
 * over the top half of the picture, and the same time as text below it for a person to read.
 *
 * The blocks are large (a sixteenth of the width) so the code survives scaling down to 360p or
 * smaller, x264 at ultrafast and a blur; the decoder averages the middle of each block and finds
 * the picture inside black letterbox bars by itself. Every function here is self-contained (no
 * reference outside its own body but the others in this file, by name), so `clockPictureScript`
 * can hand their source to a page as they are.
 */

/** An RGBA image, as a canvas's `getImageData` returns it. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** The 64 bits drawn for a time: 48 bits of the milliseconds (most significant first), then their CRC-16. */
export function clockBits(ms: number): number[] {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= 2 ** 48) throw new RangeError(`not a 48-bit time: ${ms}`);
  const bits: number[] = [];
  for (let i = 47; i >= 0; i--) bits.push(Math.floor(ms / 2 ** i) % 2);
  // CRC-16/CCITT (polynomial 0x1021, start 0xFFFF), bit by bit over the 48 bits.
  let crc = 0xffff;
  for (const bit of bits) {
    const top = (crc >> 15) & 1;
    crc = (crc << 1) & 0xffff;
    if (top !== bit) crc ^= 0x1021;
  }
  for (let i = 15; i >= 0; i--) bits.push((crc >> i) & 1);
  return bits;
}

/**
 * Where block `index` (0–63) sits, as fractions of the picture: 16 columns and 4 rows over
 * x 5–95 %, y 6–56 %, inside a grey border that tells the picture from black bars around it.
 */
export function clockBlock(index: number): { x: number; y: number; w: number; h: number } {
  const w = 0.9 / 16;
  const h = 0.5 / 4;
  return { x: 0.05 + (index % 16) * w, y: 0.06 + Math.floor(index / 16) * h, w, h };
}

/** Draws the picture for `ms` on a 2D context of the given size: grey ground, the blocks, the time as text. */
export function drawClockPicture(
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
  ms: number,
): void {
  context.fillStyle = 'rgb(96,96,96)';
  context.fillRect(0, 0, width, height);
  clockBits(ms).forEach((bit, index) => {
    const block = clockBlock(index);
    context.fillStyle = bit ? '#fff' : '#000';
    context.fillRect(
      Math.round(block.x * width),
      Math.round(block.y * height),
      Math.ceil(block.w * width),
      Math.ceil(block.h * height),
    );
  });
  context.fillStyle = '#fff';
  context.font = `bold ${Math.round(height * 0.2)}px monospace`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(new Date(ms).toISOString().slice(11, 23), width / 2, height * 0.78);
}

/**
 * The time drawn into an image by drawClockPicture, or null when no valid code is found (a frame
 * of another picture, or one too damaged for its CRC). The picture is the part of the image
 * brighter than black bars; each block is read as the mean luma of its middle half, against the
 * midpoint of the darkest and brightest block.
 */
export function readClockPicture(image: RgbaImage): number | null {
  const { width, height, data } = image;
  const luma = (x: number, y: number) => {
    const at = (y * width + x) * 4;
    return 0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!;
  };
  // The picture's frame: the rows and columns where something is brighter than black bars.
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (luma(x, y) <= 48) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  if (right - left < 32 || bottom - top < 16) return null;
  const pictureWidth = right - left + 1;
  const pictureHeight = bottom - top + 1;
  const means: number[] = [];
  for (let index = 0; index < 64; index += 1) {
    const block = clockBlock(index);
    const x0 = Math.floor(left + (block.x + block.w / 4) * pictureWidth);
    const x1 = Math.ceil(left + (block.x + (3 * block.w) / 4) * pictureWidth);
    const y0 = Math.floor(top + (block.y + block.h / 4) * pictureHeight);
    const y1 = Math.ceil(top + (block.y + (3 * block.h) / 4) * pictureHeight);
    let sum = 0;
    let count = 0;
    for (let y = y0; y < y1; y += 1) {
      for (let x = x0; x < x1; x += 1) {
        sum += luma(x, y);
        count += 1;
      }
    }
    means.push(count ? sum / count : 0);
  }
  const darkest = Math.min(...means);
  const brightest = Math.max(...means);
  if (brightest - darkest < 64) return null;
  const bits = means.map((mean) => (mean > (darkest + brightest) / 2 ? 1 : 0));
  let ms = 0;
  for (let i = 0; i < 48; i += 1) ms = ms * 2 + bits[i]!;
  const expected = clockBits(ms);
  return expected.every((bit, i) => bit === bits[i]) ? ms : null;
}

/**
 * The functions above as one script for a page (`addInitScript`, `evaluate`), defining them as
 * globals: `drawClockPicture(context, width, height, ms)` and `readClockPicture(imageData)`.
 */
export function clockPictureScript(): string {
  return [clockBits, clockBlock, drawClockPicture, readClockPicture]
    .map((fn) => `globalThis.${fn.name} = ${fn.toString()};`)
    .join('\n');
}
