import { describe, expect, it } from 'vitest';
import { buildQuestionChapters } from './question-chapters.ts';

const started = '2027-03-10T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(started) + seconds * 1000).toISOString();
const q = (id: string, highlightedAt: string | null, over: Record<string, unknown> = {}) => ({
  id,
  status: 'answered' as const,
  text: `Spørsmål ${id}\nmed linjeskift`,
  anonymous: false,
  authorName: 'Kari Nordmann',
  highlightedAt,
  ...over,
});

describe('buildQuestionChapters', () => {
  it('starts each chapter when its question was highlighted, ends it where the next begins, and names no asker', () => {
    const { chapters, skipped } = buildQuestionChapters(
      [
        q('b', at(600)),
        q('a', at(90.5)),
        q('c', at(1200), { anonymous: true }),
        q('d', at(30), { status: 'live' }),
      ],
      started,
      1800,
    );
    expect(chapters).toEqual([
      {
        questionId: 'a',
        startSeconds: 90.5,
        endSeconds: 600,
        title: 'Spørsmål a med linjeskift',
      },
      {
        questionId: 'b',
        startSeconds: 600,
        endSeconds: 1200,
        title: 'Spørsmål b med linjeskift',
      },
      { questionId: 'c', startSeconds: 1200, endSeconds: 1800, title: 'Spørsmål c med linjeskift' },
    ]);
    expect(skipped).toEqual([]);
  });

  it('skips, with the reason, questions never highlighted or highlighted outside the recording', () => {
    const { chapters, skipped } = buildQuestionChapters(
      [q('early', at(-5)), q('late', at(2000)), q('never', null), q('ok', at(10))],
      started,
      1800,
    );
    expect(chapters.map((c) => c.questionId)).toEqual(['ok']);
    expect(skipped).toEqual([
      { questionId: 'early', reason: 'before_recording' },
      { questionId: 'late', reason: 'after_recording' },
      { questionId: 'never', reason: 'never_highlighted' },
    ]);
  });

  it('keeps chapters from overlapping when two start in the same instant', () => {
    const { chapters } = buildQuestionChapters([q('a', at(10)), q('b', at(10))], started, null);
    expect(chapters[0]!.startSeconds).toBe(10);
    expect(chapters[1]!.startSeconds).toBe(10.001);
    expect(chapters[0]!.endSeconds).toBe(10.001);
    expect(chapters[1]!.endSeconds).toBe(70.001);
  });
});
