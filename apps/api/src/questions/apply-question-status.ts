import {
  findHighlightedQuestion,
  type NewQuestionChange,
  type Queryable,
  setQuestionStatus,
} from '@folkemote/db';
import {
  assertQuestionTransition,
  type QuestionRecord,
  type QuestionStatus,
  QuestionTransitionError,
} from '@folkemote/domain';
import { QuestionError } from './question-error.ts';

/** The state machine's refusal, as the API answers it. */
export function checkQuestionTransition(from: QuestionStatus, to: QuestionStatus): void {
  try {
    assertQuestionTransition(from, to);
  } catch (err) {
    if (err instanceof QuestionTransitionError)
      throw new QuestionError(409, from === 'merged' ? 'question_merged' : 'invalid_transition', err.message);
    throw err;
  }
}

/**
 * Moves a question to a status inside a change. Highlighting one question ends
 * the highlight of the one before, which counts as answered: only one question
 * is being answered at a time.
 */
export async function applyQuestionStatus(
  tx: Queryable,
  question: QuestionRecord,
  to: QuestionStatus,
  now: Date,
  changes: NewQuestionChange[],
): Promise<QuestionRecord> {
  if (question.status === to) return question;
  checkQuestionTransition(question.status, to);
  if (to === 'highlighted') {
    const previous = await findHighlightedQuestion(tx, question.eventId);
    if (previous && previous.id !== question.id) {
      const done = await setQuestionStatus(tx, previous.id, 'answered', now);
      changes.push({ kind: 'status', question: done, fromStatus: 'highlighted' });
    }
  }
  const updated = await setQuestionStatus(tx, question.id, to, now);
  changes.push({ kind: 'status', question: updated, fromStatus: question.status });
  return updated;
}
