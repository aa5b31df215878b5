import { lockQuestions, type NewQuestionChange } from '@folkemote/db';
import { type QuestionRecord, type QuestionStatus, type QuestionView, viewQuestion } from '@folkemote/domain';
import type { EventActor } from '../participants/event-actor.ts';
import { applyQuestionStatus, checkQuestionTransition } from './apply-question-status.ts';
import { changeQuestions } from './change-questions.ts';
import { assertModerator, changeActorOf, viewerOf } from './question-actor.ts';
import type { QuestionDeps } from './question-deps.ts';
import { QuestionError } from './question-error.ts';

/** One status for many questions (e.g. dismiss a wave of spam), all or nothing. */
export async function bulkUpdateQuestions(
  deps: QuestionDeps,
  eventId: string,
  ids: readonly string[],
  status: Exclude<QuestionStatus, 'highlighted' | 'merged'>,
  actor: EventActor,
): Promise<{ questions: QuestionView[]; lastEventId: number }> {
  assertModerator(actor);
  const unique = [...new Set(ids)];
  const { result, lastEventId } = await changeQuestions(
    deps,
    eventId,
    changeActorOf(actor),
    async ({ tx, now, lock }) => {
      const locked = await lockQuestions(tx, unique);
      const state = await lock();
      const found: QuestionRecord[] = [];
      const problems: string[] = [];
      for (const id of unique) {
        const question = locked.get(id);
        if (!question || question.eventId !== eventId) problems.push(`${id}: no such question in this event`);
        else if (question.status !== status) {
          try {
            checkQuestionTransition(question.status, status);
            found.push(question);
          } catch (err) {
            problems.push(`${id}: ${(err as Error).message}`);
          }
        } else found.push(question);
      }
      if (problems.length > 0)
        throw new QuestionError(
          409,
          'invalid_transition',
          'Some questions cannot take that status; none was changed',
          {
            ids: problems,
          },
        );
      const changes: NewQuestionChange[] = [];
      const updated: QuestionView[] = [];
      for (const question of found) {
        const after = await applyQuestionStatus(tx, question, status, now, changes);
        updated.push(viewQuestion(after, viewerOf(actor), state.settings, false)!);
      }
      return { result: updated, changes };
    },
    { lockFirst: false },
  );
  return { questions: result, lastEventId };
}
