import { describe, expect, it } from 'vitest';
import { letterbox, toPgmYuv } from './pgmyuv-frame.ts';

/** A picture whose every sample tells where it came from: Y 100 + row·16 + column, U from 50, V from 200. */
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

const header = (w: number, h: number) => `P5\n${w} ${(h * 3) / 2}\n255\n`;

describe('toPgmYuv', () => {
  it('writes the Y plane, then each chroma row as its U half and its V half', () => {
    const image = toPgmYuv(picture(4, 2), { width: 2, height: 1 });
    expect(image.subarray(0, header(4, 2).length).toString('latin1')).toBe(header(4, 2));
    expect([...image.subarray(header(4, 2).length)]).toEqual([
      100, 101, 102, 103, 116, 117, 118, 119, 50, 51, 200, 201,
    ]);
  });

  it('leaves out an odd last column and row', () => {
    const image = toPgmYuv(picture(5, 3), { width: 2, height: 1 });
    expect(image.subarray(0, header(4, 2).length).toString('latin1')).toBe(header(4, 2));
    expect([...image.subarray(header(4, 2).length)]).toEqual([
      100, 101, 102, 103, 116, 117, 118, 119, 50, 51, 200, 201,
    ]);
  });

  it('puts black bars beside a picture narrower than the canvas', () => {
    const image = toPgmYuv(picture(2, 2), { width: 3, height: 1 });
    expect(image.subarray(0, header(6, 2).length).toString('latin1')).toBe(header(6, 2));
    // Y: two black columns either side; chroma row: U (black, picture, black), then V likewise.
    expect([...image.subarray(header(6, 2).length)]).toEqual([
      16, 16, 100, 101, 16, 16, 16, 16, 116, 117, 16, 16, 128, 50, 128, 128, 200, 128,
    ]);
  });

  it('refuses a buffer too short for the picture it claims to be', () => {
    const canvas = { width: 16, height: 9 };
    expect(() => toPgmYuv({ width: 4, height: 2, data: new Uint8Array(8) }, canvas)).toThrow(
      /needs 12 bytes, got 8/,
    );
    expect(() => toPgmYuv(picture(1, 1), canvas)).toThrow(/no even-sized part/);
  });
});

describe('letterbox', () => {
  const hd = { width: 1920, height: 1080 };

  it('leaves a picture of the canvas shape as it is', () => {
    expect(letterbox(640, 360, hd)).toEqual({ paddedWidth: 640, paddedHeight: 360, left: 0, top: 0 });
  });

  it('pillarboxes a 4:3 camera and letterboxes a tall screen share into 16:9', () => {
    expect(letterbox(640, 480, hd)).toEqual({ paddedWidth: 854, paddedHeight: 480, left: 106, top: 0 });
    expect(letterbox(1920, 800, { width: 4, height: 3 })).toEqual({
      paddedWidth: 1920,
      paddedHeight: 1440,
      left: 0,
      top: 320,
    });
  });
});
