import { insertPollAnswer, lockPollToAnswer } from '@folkemote/db';
import { type PollView, pollAnswerProblem, viewPoll } from '@folkemote/domain';
import type { EventActor } from '../participants/event-actor.ts';
import { changeQuestions } from '../questions/change-questions.ts';
import { assertAttendee, changeActorOf } from '../questions/question-actor.ts';
import type { QuestionDeps } from '../questions/question-deps.ts';
import { PollError, pollNotFound } from './poll-error.ts';

const problems = {
  poll_not_open: [409, 'Answers are taken while the poll is open'],
  one_choice_only: [400, 'choices: this poll takes exactly one choice'],
  no_such_choice: [400, 'choices: names a choice the poll does not have'],
} as const;

/**
 * A registrant answers an open poll, once: the answer table's key (poll,
 * registration) refuses a second one, whichever process it comes to.
 */
export async function answerPoll(
  deps: QuestionDeps,
  eventId: string,
  pollId: string,
  actor: EventActor,
  choices: number[],
): Promise<{ poll: PollView; choices: number[]; lastEventId: number }> {
  assertAttendee(actor);
  const { result, lastEventId } = await changeQuestions(
    deps,
    eventId,
    changeActorOf(actor),
    async ({ tx, now }) => {
      const poll = await lockPollToAnswer(tx, pollId);
      if (!poll || poll.eventId !== eventId || poll.status === 'draft') throw pollNotFound();
      const problem = pollAnswerProblem(poll, choices);
      if (problem) throw new PollError(problems[problem][0], problem, problems[problem][1]);
      const counts = await insertPollAnswer(tx, pollId, actor.id, choices, now);
      if (!counts) throw new PollError(409, 'already_answered', 'You have answered this poll already');
      const counted = {
        ...poll,
        answerCount: counts.answerCount,
        options: poll.options.map((o, i) => ({ ...o, votes: counts.votes.get(i) ?? o.votes })),
      };
      return { result: counted, changes: [{ kind: 'poll_answered', question: null, poll: counted }] };
    },
    { lockFirst: false },
  );
  return { poll: viewPoll(result, actor.role)!, choices: [...choices].sort((a, b) => a - b), lastEventId };
}
