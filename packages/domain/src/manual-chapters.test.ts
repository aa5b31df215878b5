import { describe, expect, it } from 'vitest';
import { manualChaptersSchema, mergeChapters } from './manual-chapters.ts';

describe('chapters made by hand', () => {
  it('merge with the questions’ chapters in order, each ending where the next begins', () => {
    const merged = mergeChapters(
      [{ startSeconds: 30, title: 'Hva koster det?' }],
      [
        { startSeconds: 0, title: 'Velkommen' },
        { startSeconds: 50, title: 'Oppsummering' },
      ],
      80,
    );
    expect(merged).toEqual([
      { startSeconds: 0, endSeconds: 30, title: 'Velkommen' },
      { startSeconds: 30, endSeconds: 50, title: 'Hva koster det?' },
      { startSeconds: 50, endSeconds: 80, title: 'Oppsummering' },
    ]);
  });

  it('leave out chapters past the end, and move equal starts a millisecond apart', () => {
    const merged = mergeChapters(
      [{ startSeconds: 10, title: 'Spørsmål' }],
      [
        { startSeconds: 10, title: 'Avsnitt' },
        { startSeconds: 99, title: 'Etter slutten' },
      ],
      60,
    );
    expect(merged.map((c) => [c.startSeconds, c.title])).toEqual([
      [10, 'Avsnitt'],
      [10.001, 'Spørsmål'],
    ]);
  });

  it('refuse empty, multi-line and negative chapters and two at one moment', () => {
    expect(manualChaptersSchema.safeParse([{ startSeconds: 0, title: 'Start' }]).success).toBe(true);
    for (const bad of [
      [{ startSeconds: -1, title: 'Før' }],
      [{ startSeconds: 1, title: '  ' }],
      [{ startSeconds: 1, title: 'a\nb' }],
      [{ startSeconds: Number.NaN, title: 'x' }],
      [
        { startSeconds: 5, title: 'a' },
        { startSeconds: 5, title: 'b' },
      ],
    ])
      expect(manualChaptersSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
