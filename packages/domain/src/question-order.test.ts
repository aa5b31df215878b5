import { describe, expect, it } from 'vitest';
import { compareQuestions, sortQuestions } from './question-order.ts';

const q = (id: string, votes: number, createdAt: string, pinned = false) => ({
  id,
  votes,
  createdAt,
  pinned,
});

describe('compareQuestions', () => {
  const questions = [
    q('b', 3, '2027-03-10T10:05:00.000Z'),
    q('a', 3, '2027-03-10T10:05:00.000Z'),
    q('c', 5, '2027-03-10T10:09:00.000Z'),
    q('d', 3, '2027-03-10T10:01:00.000Z'),
    q('e', 0, '2027-03-10T10:10:00.000Z', true),
  ];

  it('orders popular by votes, then oldest first, then id, with pinned questions on top', () => {
    expect(sortQuestions(questions, 'popular').map((x) => x.id)).toEqual(['e', 'c', 'd', 'a', 'b']);
  });

  it('orders recent by newest first, then id, with pinned questions on top', () => {
    expect(sortQuestions(questions, 'recent').map((x) => x.id)).toEqual(['e', 'c', 'a', 'b', 'd']);
  });

  it('gives the same list from any starting order', () => {
    const reference = sortQuestions(questions, 'popular').map((x) => x.id);
    for (let i = 0; i < 20; i++) {
      const shuffled = [...questions].sort(() => Math.random() - 0.5);
      expect(sortQuestions(shuffled, 'popular').map((x) => x.id)).toEqual(reference);
    }
    expect(compareQuestions('popular')(questions[0]!, questions[0]!)).toBe(0);
  });
});
