import { addToQuestionVoteCount, deleteQuestionVote, insertQuestionVote, lockQuestions } from '@folkemote/db';
import { acceptsVotes, canSeeQuestion, type QuestionView, viewQuestion } from '@folkemote/domain';
import type { EventActor } from '../participants/event-actor.ts';
import { changeQuestions } from './change-questions.ts';
import { assertAttendee, changeActorOf, viewerOf } from './question-actor.ts';
import type { QuestionDeps } from './question-deps.ts';
import { QuestionError, questionNotFound } from './question-error.ts';

/**
 * Votes for a question, or takes the vote back. A second vote (or a second
 * take-back) changes nothing: one person, one vote per question.
 */
export async function voteQuestion(
  deps: QuestionDeps,
  eventId: string,
  questionId: string,
  actor: EventActor,
  vote: boolean,
): Promise<{ question: QuestionView; lastEventId: number }> {
  assertAttendee(actor);
  const viewer = viewerOf(actor);
  const { result, lastEventId } = await changeQuestions(
    deps,
    eventId,
    changeActorOf(actor),
    async ({ tx, state, now }) => {
      // The question's row first, then (when the change is numbered) the event's: the order every change keeps.
      const current = (await lockQuestions(tx, [questionId])).get(questionId);
      if (!current || current.eventId !== eventId || !canSeeQuestion(current, viewer, state.settings))
        throw questionNotFound();
      const view = (q: typeof current) => viewQuestion(q, viewer, state.settings, vote)!;
      if (vote) {
        if (!acceptsVotes(current.status)) throw closedForVotes();
        if (!(await insertQuestionVote(tx, questionId, actor.id, now)))
          return { result: view(current), changes: [] };
      } else if (!(await deleteQuestionVote(tx, questionId, actor.id)))
        return { result: view(current), changes: [] };
      const updated = await addToQuestionVoteCount(tx, questionId, vote ? 1 : -1);
      // Moderated (or merged) meanwhile: the vote goes back with the transaction.
      if (!updated) throw closedForVotes();
      return {
        result: view(updated),
        changes: [{ kind: vote ? 'voted' : 'unvoted', question: updated, fromStatus: updated.status }],
      };
    },
    { lockFirst: false },
  );
  return { question: result, lastEventId };
}

const closedForVotes = () =>
  new QuestionError(
    409,
    'not_open_for_votes',
    'Votes are taken on questions in the queue and on the one being answered',
  );
