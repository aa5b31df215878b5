import { describe, expect, it } from 'vitest';
import {
  composeCuts,
  keptRanges,
  mapRange,
  normaliseCuts,
  remapCues,
  retrimCues,
  retrimRange,
  TrimError,
  toSourceTime,
  toTrimmedTime,
  trimmedDuration,
} from './trim-edits.ts';

const cuts = [
  { start: 0, end: 10 },
  { start: 30, end: 40 },
];

describe('normaliseCuts', () => {
  it('sorts, rounds to milliseconds and merges touching cuts', () => {
    expect(
      normaliseCuts(
        [
          { start: 50, end: 60.00049 },
          { start: 10, end: 20 },
          { start: 20, end: 25 },
        ],
        100,
      ),
    ).toEqual([
      { start: 10, end: 25 },
      { start: 50, end: 60 },
    ]);
  });

  it('refuses an empty cut, one past the end, overlaps and too little left, naming the cut', () => {
    const problem = (c: { start: number; end: number }[]) => {
      try {
        normaliseCuts(c, 100);
      } catch (err) {
        if (err instanceof TrimError) return err.problem;
      }
      return null;
    };
    expect(problem([{ start: 5, end: 5 }])).toEqual({ code: 'empty_cut', index: 0 });
    expect(
      problem([
        { start: 0, end: 1 },
        { start: 90, end: 100.01 },
      ]),
    ).toMatchObject({ code: 'outside_recording', index: 1 });
    expect(
      problem([
        { start: 0, end: 10 },
        { start: 9.999, end: 20 },
      ]),
    ).toEqual({ code: 'overlapping_cuts', index: 1 });
    expect(problem([{ start: 0, end: 99.5 }])).toEqual({ code: 'too_little_left', keptSeconds: 0.5 });
    expect(normaliseCuts([{ start: 0, end: 99 }], 100)).toEqual([{ start: 0, end: 99 }]);
    expect(normaliseCuts([], 100)).toEqual([]);
  });
});

describe('time mapping', () => {
  it('keeps the complement and its length', () => {
    expect(keptRanges(cuts, 60)).toEqual([
      { start: 10, end: 30 },
      { start: 40, end: 60 },
    ]);
    expect(trimmedDuration(cuts, 60)).toBe(40);
    expect(keptRanges([], 60)).toEqual([{ start: 0, end: 60 }]);
    expect(keptRanges([{ start: 50, end: 60 }], 60)).toEqual([{ start: 0, end: 50 }]);
  });

  it('maps source time at and around every boundary', () => {
    expect(toTrimmedTime(cuts, 0)).toBeNull();
    expect(toTrimmedTime(cuts, 9.999)).toBeNull();
    expect(toTrimmedTime(cuts, 10)).toBe(0);
    expect(toTrimmedTime(cuts, 29.999)).toBeCloseTo(19.999, 6);
    expect(toTrimmedTime(cuts, 30)).toBeNull();
    expect(toTrimmedTime(cuts, 40)).toBe(20);
    expect(toTrimmedTime(cuts, 60)).toBe(40);
    expect(toTrimmedTime([], 12.5)).toBe(12.5);
  });

  it('maps trimmed time back to source time', () => {
    expect(toSourceTime(cuts, 0)).toBe(10);
    expect(toSourceTime(cuts, 19.5)).toBe(29.5);
    expect(toSourceTime(cuts, 20)).toBe(40);
    expect(toSourceTime(cuts, 40)).toBe(60);
    for (const t of [0, 5, 19.999, 20, 33.3])
      expect(toTrimmedTime(cuts, toSourceTime(cuts, t))).toBeCloseTo(t, 6);
  });
});

describe('remapping ranges and cues', () => {
  it('drops what lies inside a cut, shifts what follows, clips what straddles', () => {
    expect(mapRange(cuts, { start: 2, end: 8 })).toBeNull();
    expect(mapRange(cuts, { start: 30, end: 40 })).toBeNull();
    expect(mapRange(cuts, { start: 12, end: 14 })).toEqual({ start: 2, end: 4 });
    expect(mapRange(cuts, { start: 8, end: 12 })).toEqual({ start: 0, end: 2 });
    expect(mapRange(cuts, { start: 28, end: 32 })).toEqual({ start: 18, end: 20 });
    expect(mapRange(cuts, { start: 38, end: 42 })).toEqual({ start: 20, end: 22 });
    // A cue that spans a whole cut loses its middle.
    expect(mapRange(cuts, { start: 25, end: 45 })).toEqual({ start: 15, end: 25 });
    expect(mapRange(cuts, { start: 50, end: 60 })).toEqual({ start: 40 - 10, end: 40 });
  });

  it('remaps cues in milliseconds and keeps their text', () => {
    const cues = [
      { startMs: 1000, endMs: 3000, text: 'før' },
      { startMs: 9500, endMs: 11000, text: 'over kanten' },
      { startMs: 41000, endMs: 42500, text: 'etter' },
    ];
    expect(remapCues(cuts, cues)).toEqual([
      { startMs: 0, endMs: 1000, text: 'over kanten' },
      { startMs: 21000, endMs: 22500, text: 'etter' },
    ]);
    expect(remapCues([], cues)).toEqual(cues);
  });

  it('moves ranges of an earlier trim onto a new one, and back to the source on undo', () => {
    // Trimmed by `cuts`: 0..20 is source 10..30, 20..40 is source 40..60.
    expect(retrimRange(cuts, [], { start: 18, end: 20 })).toEqual({ start: 28, end: 30 });
    expect(retrimRange(cuts, [], { start: 20, end: 22 })).toEqual({ start: 40, end: 42 });
    expect(retrimRange(cuts, [{ start: 0, end: 20 }], { start: 0, end: 12 })).toEqual({ start: 0, end: 2 });
    expect(retrimCues(cuts, [], [{ startMs: 19000, endMs: 20000 }])).toEqual([
      { startMs: 29000, endMs: 30000 },
    ]);
  });
});

describe('composeCuts', () => {
  it('takes cuts made on the trimmed timeline back to source time and merges them with the applied ones', () => {
    // Current version: 0..20 is source 10..30, 20..40 is source 40..60.
    expect(composeCuts(cuts, [{ start: 5, end: 6 }])).toEqual([
      { start: 0, end: 10 },
      { start: 15, end: 16 },
      { start: 30, end: 40 },
    ]);
    // A cut across the joint takes the applied cut in with it.
    expect(composeCuts(cuts, [{ start: 19, end: 21 }])).toEqual([
      { start: 0, end: 10 },
      { start: 29, end: 41 },
    ]);
    // Up to the current start: joins the applied cut at the start.
    expect(composeCuts(cuts, [{ start: 0, end: 2 }])).toEqual([
      { start: 0, end: 12 },
      { start: 30, end: 40 },
    ]);
    expect(composeCuts([], [{ start: 3, end: 4 }])).toEqual([{ start: 3, end: 4 }]);
    expect(composeCuts(cuts, [])).toEqual(cuts);
  });
});
