import type { QuestionSort } from './question.ts';

/** What the order looks at; QuestionView and QuestionRecord both have it. */
export interface OrderedQuestion {
  id: string;
  pinned: boolean;
  votes: number;
  createdAt: string;
}

/**
 * The one order every view uses, so every viewer sees the same list with the
 * same ties. Pinned questions come first (a moderator pins what must not sink),
 * then:
 * - popular: most votes first, then the oldest first (the earlier asker waited longer), then by id;
 * - recent: newest first, then by id.
 * Status plays no part: the views show highlighted, answered and dismissed
 * questions apart, each part in this order. The id makes it a total order.
 */
export function compareQuestions(sort: QuestionSort): (a: OrderedQuestion, b: OrderedQuestion) => number {
  return (a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    const ta = Date.parse(a.createdAt);
    const tb = Date.parse(b.createdAt);
    if (sort === 'popular') {
      if (a.votes !== b.votes) return b.votes - a.votes;
      if (ta !== tb) return ta - tb;
    } else if (ta !== tb) return tb - ta;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** A sorted copy. */
export function sortQuestions<T extends OrderedQuestion>(questions: readonly T[], sort: QuestionSort): T[] {
  return [...questions].sort(compareQuestions(sort));
}
