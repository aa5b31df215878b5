import { insertPoll, lockPoll, setPollStatus } from '@folkemote/db';
import { canManagePolls, type PollInput, type PollView, viewPoll } from '@folkemote/domain';
import type { EventActor } from '../participants/event-actor.ts';
import { changeQuestions } from '../questions/change-questions.ts';
import { changeActorOf } from '../questions/question-actor.ts';
import type { QuestionDeps } from '../questions/question-deps.ts';
import { PollError, pollNotFound } from './poll-error.ts';

/** Hosts and moderators prepare, open and close polls. */
export function assertPollManager(actor: EventActor): void {
  if (!canManagePolls(actor.role))
    throw new PollError(403, 'forbidden_for_role', `This is not open to the ${actor.role} role`);
}

/**
 * Prepares a poll (a draft, seen by staff only until it is opened). It goes out
 * on the Q&A's change log, so every staff view has it at once.
 */
export async function createPoll(
  deps: QuestionDeps,
  eventId: string,
  actor: EventActor,
  input: PollInput,
): Promise<{ poll: PollView; lastEventId: number }> {
  assertPollManager(actor);
  const { result, lastEventId } = await changeQuestions(
    deps,
    eventId,
    changeActorOf(actor),
    async ({ tx, now }) => {
      const poll = await insertPoll(tx, eventId, input, now);
      return { result: poll, changes: [{ kind: 'poll', question: null, poll }] };
    },
    { lockFirst: false },
  );
  return { poll: viewPoll(result, actor.role)!, lastEventId };
}

/** Opens a poll (the one open before closes: one at a time) or closes it. */
export async function changePollStatus(
  deps: QuestionDeps,
  eventId: string,
  pollId: string,
  actor: EventActor,
  status: 'open' | 'closed',
): Promise<{ poll: PollView; lastEventId: number }> {
  assertPollManager(actor);
  const { result, lastEventId } = await changeQuestions(
    deps,
    eventId,
    changeActorOf(actor),
    async ({ tx, now }) => {
      // The poll's row first, then (when the change is numbered) the event's, as answers take them.
      const poll = await lockPoll(tx, pollId);
      if (!poll || poll.eventId !== eventId) throw pollNotFound();
      if (poll.status === status) return { result: poll, changes: [] };
      const changed = await setPollStatus(tx, poll, status, now);
      return {
        result: changed.at(-1)!,
        changes: changed.map((p) => ({ kind: 'poll' as const, question: null, poll: p })),
      };
    },
    { lockFirst: false },
  );
  return { poll: viewPoll(result, actor.role)!, lastEventId };
}
