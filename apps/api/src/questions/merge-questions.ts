import { lockQuestions, markQuestionMerged, moveQuestionVotes, recountQuestionVotes } from '@folkemote/db';
import { type QuestionView, viewQuestion } from '@folkemote/domain';
import type { EventActor } from '../participants/event-actor.ts';
import { changeQuestions } from './change-questions.ts';
import { assertModerator, changeActorOf, viewerOf } from './question-actor.ts';
import type { QuestionDeps } from './question-deps.ts';
import { QuestionError, questionNotFound } from './question-error.ts';

/**
 * Merges a duplicate into another question: its votes move over (a person who
 * voted for both counts once) and it ends as merged, pointing at the other.
 */
export async function mergeQuestions(
  deps: QuestionDeps,
  eventId: string,
  questionId: string,
  intoId: string,
  actor: EventActor,
): Promise<{ question: QuestionView; merged: QuestionView; lastEventId: number }> {
  assertModerator(actor);
  if (questionId === intoId)
    throw new QuestionError(409, 'cannot_merge', 'A question cannot be merged into itself');
  const viewer = viewerOf(actor);
  const { result, lastEventId } = await changeQuestions(
    deps,
    eventId,
    changeActorOf(actor),
    async ({ tx, now, lock }) => {
      const locked = await lockQuestions(tx, [questionId, intoId]);
      const state = await lock();
      const source = locked.get(questionId);
      if (!source || source.eventId !== eventId) throw questionNotFound();
      const target = locked.get(intoId);
      if (!target || target.eventId !== eventId)
        throw new QuestionError(404, 'question_not_found', 'No question with that id in this event', {
          into: ['must be a question of the same event'],
        });
      if (source.status === 'merged')
        throw new QuestionError(
          409,
          'question_merged',
          'The question has been merged into another one already',
        );
      if (target.status === 'merged')
        throw new QuestionError(
          409,
          'cannot_merge',
          'The question to merge into has itself been merged; merge into the one it points at',
          {
            into: [`was merged into ${target.mergedInto}`],
          },
        );
      await moveQuestionVotes(tx, source.id, target.id);
      const merged = await markQuestionMerged(tx, source.id, target.id, now);
      const combined = await recountQuestionVotes(tx, target.id, now);
      return {
        result: {
          question: viewQuestion(combined, viewer, state.settings, false)!,
          merged: viewQuestion(merged, viewer, state.settings, false)!,
        },
        changes: [
          { kind: 'merged', question: merged, fromStatus: source.status },
          { kind: 'merge_target', question: combined, fromStatus: target.status },
        ],
      };
    },
    { lockFirst: false },
  );
  return { ...result, lastEventId };
}
