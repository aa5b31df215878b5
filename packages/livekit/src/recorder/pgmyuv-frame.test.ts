import { describe, expect, it } from 'vitest';
import { toPgmYuv } from './pgmyuv-frame.ts';

/** A picture whose every sample tells where it came from: Y 1x, U 2x, V 3x (row·16 + column). */
function picture(width: number, height: number) {
  const cw = (width + 1) >> 1;
  const ch = (height + 1) >> 1;
  const data = new Uint8Array(width * height + cw * ch * 2);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) data[r * width + c] = 100 + r * 16 + c;
  for (let r = 0; r < ch; r++) {
    for (let c = 0; c < cw; c++) {
      data[width * height + r * cw + c] = 50 + r * 16 + c;
      data[width * height + cw * ch + r * cw + c] = 200 + r * 16 + c;
    }
  }
  return { width, height, data };
}

describe('toPgmYuv', () => {
  it('writes the Y plane, then each chroma row as its U half and its V half', () => {
    const image = toPgmYuv(picture(4, 2));
    const header = 'P5\n4 3\n255\n';
    expect(image.subarray(0, header.length).toString('latin1')).toBe(header);
    expect([...image.subarray(header.length)]).toEqual([
      100, 101, 102, 103, 116, 117, 118, 119, 50, 51, 200, 201,
    ]);
  });

  it('leaves out an odd last column and row', () => {
    const image = toPgmYuv(picture(5, 3));
    const header = 'P5\n4 3\n255\n';
    expect(image.subarray(0, header.length).toString('latin1')).toBe(header);
    expect([...image.subarray(header.length)]).toEqual([
      100, 101, 102, 103, 116, 117, 118, 119, 50, 51, 200, 201,
    ]);
  });

  it('refuses a buffer too short for the picture it claims to be', () => {
    expect(() => toPgmYuv({ width: 4, height: 2, data: new Uint8Array(8) })).toThrow(/needs 12 bytes, got 8/);
    expect(() => toPgmYuv(picture(1, 1))).toThrow(/no even-sized part/);
  });
});
