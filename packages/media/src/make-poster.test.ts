import { describe, expect, it } from 'vitest';
import { choosePoster, NEAR_BLACK_LUMA, parseMeanLuma, posterSize } from './make-poster.ts';

describe('choosePoster', () => {
  it('takes the most detailed frame that is not near-black', () => {
    const chosen = choosePoster([
      { file: 'a.jpg', seconds: 6, meanLuma: 16.2, bytes: 90_000 },
      { file: 'b.jpg', seconds: 18, meanLuma: 80, bytes: 40_000 },
      { file: 'c.jpg', seconds: 30, meanLuma: 120, bytes: 55_000 },
    ]);
    expect(chosen?.file).toBe('c.jpg');
  });

  it('falls back to the most detailed frame when all are dark', () => {
    const chosen = choosePoster([
      { file: 'a.jpg', seconds: 1, meanLuma: NEAR_BLACK_LUMA - 10, bytes: 2_000 },
      { file: 'b.jpg', seconds: 2, meanLuma: NEAR_BLACK_LUMA - 1, bytes: 3_000 },
    ]);
    expect(chosen?.file).toBe('b.jpg');
    expect(choosePoster([])).toBeNull();
  });
});

describe('parseMeanLuma', () => {
  it('reads the YAVG the metadata filter prints', () => {
    expect(parseMeanLuma('frame:0    pts:180    pts_time:6\nlavfi.signalstats.YAVG=97.42\n')).toBe(97.42);
    expect(parseMeanLuma('')).toBeNull();
  });
});

describe('posterSize', () => {
  it('caps the short side at 720 and never upscales', () => {
    expect(posterSize(1920, 1080)).toEqual({ width: 1280, height: 720 });
    expect(posterSize(853, 481)).toEqual({ width: 852, height: 480 });
    expect(posterSize(1080, 1920)).toEqual({ width: 720, height: 1280 });
  });
});
