import { describe, expect, it } from 'vitest';
import {
  addCueAfter,
  cueAt,
  deleteCue,
  MIN_CUE_MS,
  mergeWithNext,
  middleWordBreak,
  nudgeCue,
  splitCue,
} from './caption-edits.ts';

const cues = [
  { startMs: 1_000, endMs: 5_000, text: 'Velkommen til møtet om nye bussruter' },
  { startMs: 5_000, endMs: 8_000, text: 'i fylket.' },
];

describe('splitCue', () => {
  it('splits at the given time and text place, and leaves the input alone', () => {
    const before = structuredClone(cues);
    const out = splitCue(cues, 0, { timeMs: 2_500, textOffset: 9 });
    expect(out).toEqual([
      { startMs: 1_000, endMs: 2_500, text: 'Velkommen' },
      { startMs: 2_500, endMs: 5_000, text: 'til møtet om nye bussruter' },
      cues[1],
    ]);
    expect(cues).toEqual(before);
  });

  it('splits in the middle (time) and at the middle word break (text) when given nothing usable', () => {
    const out = splitCue(cues, 0, { timeMs: 9_999, textOffset: 0 });
    expect(out[0]).toEqual({ startMs: 1_000, endMs: 3_000, text: 'Velkommen til møtet' });
    expect(out[1]).toEqual({ startMs: 3_000, endMs: 5_000, text: 'om nye bussruter' });
  });

  it('keeps each half at least the minimum length', () => {
    const out = splitCue(cues, 0, { timeMs: 1_000 + MIN_CUE_MS - 1 });
    expect(out[0]!.endMs - out[0]!.startMs).toBeGreaterThanOrEqual(MIN_CUE_MS);
    expect(out[0]!.endMs).toBe(3_000);
  });

  it('does nothing to a cue too short to split or an index out of range', () => {
    const short = [{ startMs: 0, endMs: 150, text: 'Ja' }];
    expect(splitCue(short, 0)).toEqual(short);
    expect(splitCue(cues, 5)).toEqual(cues);
  });

  it('finds the word break nearest the middle', () => {
    expect(middleWordBreak('en to tre fire')).toBe(5);
    expect(middleWordBreak('abcdef')).toBe(3);
  });
});

describe('mergeWithNext', () => {
  it('joins text and spans both times', () => {
    expect(mergeWithNext(cues, 0)).toEqual([
      { startMs: 1_000, endMs: 8_000, text: 'Velkommen til møtet om nye bussruter i fylket.' },
    ]);
  });

  it('undoes a split', () => {
    const split = splitCue(cues, 0, { timeMs: 2_000, textOffset: 9 });
    expect(mergeWithNext(split, 0)).toEqual(cues);
  });

  it('does nothing for the last cue', () => {
    expect(mergeWithNext(cues, 1)).toEqual(cues);
  });
});

describe('nudgeCue', () => {
  it('moves the start or the end by the given step', () => {
    expect(nudgeCue(cues, 0, 'start', 100)[0]).toMatchObject({ startMs: 1_100, endMs: 5_000 });
    expect(nudgeCue(cues, 0, 'end', -1_000)[0]).toMatchObject({ startMs: 1_000, endMs: 4_000 });
  });

  it('never goes below zero nor makes a cue shorter than the minimum', () => {
    expect(nudgeCue(cues, 0, 'start', -5_000)[0]!.startMs).toBe(0);
    expect(nudgeCue(cues, 0, 'start', 10_000)[0]!.startMs).toBe(5_000 - MIN_CUE_MS);
    expect(nudgeCue(cues, 0, 'end', -10_000)[0]!.endMs).toBe(1_000 + MIN_CUE_MS);
  });
});

describe('adding, deleting and finding cues', () => {
  it('adds an empty two-second cue after a cue, or first', () => {
    expect(addCueAfter(cues, 0)[1]).toEqual({ startMs: 5_000, endMs: 7_000, text: '' });
    expect(addCueAfter([], -1)).toEqual([{ startMs: 0, endMs: 2_000, text: '' }]);
  });

  it('deletes one cue', () => {
    expect(deleteCue(cues, 0)).toEqual([cues[1]]);
  });

  it('finds the cue showing at a time', () => {
    expect(cueAt(cues, 5_000)).toBe(1);
    expect(cueAt(cues, 500)).toBe(-1);
  });
});
