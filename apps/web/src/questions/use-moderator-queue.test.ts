import type { QuestionStatus, QuestionView } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { groupBySection, mergeTargets } from './use-moderator-queue.ts';

const question = (id: string, status: QuestionStatus) => ({ id, status }) as QuestionView;

describe('groupBySection', () => {
  it('puts each question in its section in queue order, and merged ones nowhere', () => {
    const grouped = groupBySection([
      question('a', 'pending'),
      question('b', 'live'),
      question('c', 'merged'),
      question('d', 'pending'),
      question('e', 'dismissed'),
    ]);
    expect(grouped.pending.map((q) => q.id)).toEqual(['a', 'd']);
    expect(grouped.live.map((q) => q.id)).toEqual(['b']);
    expect(grouped.dismissed.map((q) => q.id)).toEqual(['e']);
    expect(grouped.highlighted).toEqual([]);
    expect(Object.values(grouped).flat()).toHaveLength(4);
  });
});

describe('mergeTargets', () => {
  it('offers the other questions still in the queue, not merged or dismissed ones', () => {
    const questions = [
      question('a', 'pending'),
      question('b', 'live'),
      question('c', 'merged'),
      question('d', 'dismissed'),
      question('e', 'answered'),
    ];
    expect(mergeTargets(questions, questions[0]!).map((q) => q.id)).toEqual(['b', 'e']);
  });
});
