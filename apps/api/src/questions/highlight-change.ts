import type { NewQuestionChange } from '@folkemote/db';
import type { QuestionChangeKind } from '@folkemote/domain';

/** Kinds of change that can alter which question is highlighted or what it says. */
const kindsThatMayMove = new Set<QuestionChangeKind>([
  'status',
  'edited',
  'merged',
  'merge_target',
  'deleted',
]);

/**
 * Whether the changes alter the highlighted question: one became highlighted or left it, or the
 * highlighted one was reworded, merged or deleted. Votes and pins do not change what viewers see.
 */
export function changesHighlight(changes: readonly NewQuestionChange[]): boolean {
  return changes.some(
    (change) =>
      kindsThatMayMove.has(change.kind) &&
      (change.fromStatus === 'highlighted' || change.question?.status === 'highlighted'),
  );
}
