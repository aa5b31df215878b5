import { describe, expect, it } from 'vitest';
import { keptSeconds, removedRanges } from './use-trim-editor.ts';

describe('the trim draft', () => {
  it('lists what it removes in order and how long the rest is', () => {
    const draft = { start: 5, end: 50, cuts: [{ start: 20, end: 30 }], pendingFrom: null };
    expect(removedRanges(draft, 60)).toEqual([
      { start: 0, end: 5 },
      { start: 20, end: 30 },
      { start: 50, end: 60 },
    ]);
    expect(keptSeconds(draft, 60)).toBe(35);
    // A cut reaching past the end counts once.
    expect(keptSeconds({ ...draft, cuts: [{ start: 45, end: 55 }] }, 60)).toBe(40);
  });
});
