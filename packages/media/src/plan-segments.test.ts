import { describe, expect, it } from 'vitest';
import { chooseCopySegmentTime, segmentsWithinBounds, simulateHlsSegments } from './plan-segments.ts';

const every = (step: number, until: number) =>
  Array.from({ length: Math.floor(until / step) + 1 }, (_, i) => i * step).filter((t) => t < until);

describe('simulateHlsSegments', () => {
  it('cuts 2 s keyframes into 4 s segments and a shorter last one', () => {
    expect(simulateHlsSegments(every(2, 15), 15, 4)).toEqual([4, 4, 4, 3]);
  });

  it('follows the muxer’s cumulative targets, so one long segment shortens the next', () => {
    // Cuts fall on the first keyframe at or after 4, 8, 12 …: 5, 10, 12.5
    expect(simulateHlsSegments(every(2.5, 20), 20, 4)).toEqual([5, 5, 2.5, 5, 2.5]);
  });

  it('makes one segment when the recording is shorter than a segment', () => {
    expect(simulateHlsSegments([0], 1, 4)).toEqual([1]);
  });
});

describe('segmentsWithinBounds', () => {
  it('allows a short last segment but no short or long segment before it', () => {
    expect(segmentsWithinBounds([4, 5, 6, 1])).toBe(true);
    expect(segmentsWithinBounds([4, 3, 4])).toBe(false);
    expect(segmentsWithinBounds([4, 7])).toBe(false);
  });
});

describe('chooseCopySegmentTime', () => {
  it('uses 4 s for 2 s keyframes', () => {
    expect(chooseCopySegmentTime(every(2, 60), 60)).toBe(4);
  });

  it('finds a length that fits 2.5 s keyframes', () => {
    expect(chooseCopySegmentTime(every(2.5, 60), 60)).toBe(5);
  });

  it('gives up on keyframes too far apart or a source not starting on one', () => {
    expect(chooseCopySegmentTime(every(7, 60), 60)).toBeNull();
    expect(chooseCopySegmentTime([0.5, 2.5, 4.5], 6)).toBeNull();
  });
});
