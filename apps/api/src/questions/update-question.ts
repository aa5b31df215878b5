import {
  findHighlightedQuestion,
  lockQuestions,
  type NewQuestionChange,
  setQuestionAnswer,
  setQuestionPinned,
  setQuestionText,
} from '@folkemote/db';
import { type QuestionPatch, type QuestionView, viewQuestion } from '@folkemote/domain';
import type { EventActor } from '../participants/event-actor.ts';
import { applyQuestionStatus, checkQuestionTransition } from './apply-question-status.ts';
import { changeQuestions, StaleLookError } from './change-questions.ts';
import { assertModerator, changeActorOf, viewerOf } from './question-actor.ts';
import type { QuestionDeps } from './question-deps.ts';
import { QuestionError, questionNotFound } from './question-error.ts';

/**
 * A moderator's change to one question: a corrected text (the original is
 * kept), a pin, a written answer, a new status. Each part that changes anything
 * is one entry in the change log; the status comes last, so it carries the rest.
 */
export async function updateQuestion(
  deps: QuestionDeps,
  eventId: string,
  questionId: string,
  actor: EventActor,
  patch: QuestionPatch,
): Promise<{ question: QuestionView; lastEventId: number }> {
  assertModerator(actor);
  const { result, lastEventId } = await changeQuestions(
    deps,
    eventId,
    changeActorOf(actor),
    async ({ tx, now, lock }) => {
      // The questions' rows first (this one, and the one highlighted now if this one is to be), then the event's.
      const highlighted = patch.status === 'highlighted' ? await findHighlightedQuestion(tx, eventId) : null;
      let question = (await lockQuestions(tx, [questionId, ...(highlighted ? [highlighted.id] : [])])).get(
        questionId,
      );
      if (!question || question.eventId !== eventId) throw questionNotFound();
      const state = await lock();
      // Highlights change only under the event's row, so the one highlighted now stays so until we commit.
      if (patch.status === 'highlighted') {
        const current = await findHighlightedQuestion(tx, eventId);
        if (current && current.id !== questionId && current.id !== highlighted?.id)
          throw new StaleLookError();
      }
      if (question.status === 'merged')
        throw new QuestionError(
          409,
          'question_merged',
          'The question has been merged into another one and cannot change',
        );
      // Refuse before changing anything, so a bad status leaves the text, pin and answer as they were.
      if (patch.status !== undefined && patch.status !== question.status)
        checkQuestionTransition(question.status, patch.status);
      const changes: NewQuestionChange[] = [];
      const same = { fromStatus: question.status };
      if (patch.text !== undefined && patch.text !== question.text) {
        question = await setQuestionText(tx, questionId, patch.text, now);
        changes.push({ kind: 'edited', question, ...same });
      }
      if (patch.pinned !== undefined && patch.pinned !== question.pinned) {
        question = await setQuestionPinned(tx, questionId, patch.pinned, now);
        changes.push({ kind: patch.pinned ? 'pinned' : 'unpinned', question, ...same });
      }
      const answer = patch.answer === undefined ? undefined : patch.answer || null;
      if (answer !== undefined && answer !== question.answer) {
        question = await setQuestionAnswer(tx, questionId, answer, now);
        changes.push({ kind: 'answer', question, ...same });
      }
      if (patch.status !== undefined)
        question = await applyQuestionStatus(tx, question, patch.status, now, changes);
      return { result: viewQuestion(question, viewerOf(actor), state.settings, false)!, changes };
    },
    { lockFirst: false },
  );
  return { question: result, lastEventId };
}
