import { describe, expect, it } from 'vitest';
import { checkCue, checkCues, countCuesWithWarnings } from './caption-rules.ts';

const cue = (startMs: number, endMs: number, text: string) => ({ startMs, endMs, text });

describe('checkCue', () => {
  it('finds nothing in a cue that keeps every rule', () => {
    expect(checkCue(cue(0, 3_000, 'God morgen, alle sammen.\nVelkommen hit.'))).toEqual([]);
  });

  it('warns of a third line and of a line over 42 characters', () => {
    const long = 'a'.repeat(43);
    expect(checkCue(cue(0, 7_000, `en\nto\n${long}`))).toEqual([
      { code: 'too_many_lines', lines: 3, limit: 2 },
      { code: 'line_too_long', line: 3, chars: 43, limit: 42 },
    ]);
  });

  it('counts letters, not UTF-16 units, so æøå and emoji are one each', () => {
    expect(checkCue(cue(0, 5_000, 'æ'.repeat(42)))).toEqual([]);
    expect(checkCue(cue(0, 5_000, '😀'.repeat(43)))[0]).toMatchObject({ code: 'line_too_long', chars: 43 });
  });

  it('warns of a cue shorter than 1 s or longer than 7 s, and keeps the edges', () => {
    expect(checkCue(cue(0, 999, 'Ja.'))).toEqual([{ code: 'too_short', seconds: 1, limit: 1 }]);
    expect(checkCue(cue(0, 1_000, 'Ja.'))).toEqual([]);
    expect(checkCue(cue(0, 7_000, 'Ja.'))).toEqual([]);
    expect(checkCue(cue(0, 7_001, 'Ja.'))).toEqual([{ code: 'too_long', seconds: 7, limit: 7 }]);
  });

  it('warns when reading speed passes 17 characters a second, a line break read as a space', () => {
    expect(checkCue(cue(0, 2_000, 'a'.repeat(34)))).toEqual([]);
    expect(checkCue(cue(0, 2_000, `${'a'.repeat(17)}\n${'a'.repeat(16)}`))).toEqual([]);
    expect(checkCue(cue(0, 2_000, 'a'.repeat(35)))).toEqual([
      { code: 'too_fast', charsPerSecond: 17.5, limit: 17 },
    ]);
  });
});

describe('checkCues', () => {
  it('marks a cue that a later one starts inside, whatever order they are listed in', () => {
    const cues = [cue(4_000, 6_000, 'tre'), cue(0, 2_500, 'en'), cue(2_000, 4_000, 'to')];
    const warnings = checkCues(cues);
    expect(warnings[1]).toEqual([{ code: 'overlaps_next', next: 2 }]);
    expect(warnings[2]).toEqual([]);
    expect(warnings[0]).toEqual([]);
    expect(countCuesWithWarnings(warnings)).toBe(1);
  });

  it('does not count cues that only touch as overlapping', () => {
    expect(checkCues([cue(0, 2_000, 'en'), cue(2_000, 4_000, 'to')])).toEqual([[], []]);
  });
});
