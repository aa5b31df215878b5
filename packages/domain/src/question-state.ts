import type { QuestionStatus } from './question.ts';

/**
 * The moderated queue. A question starts pending (pre-moderation on) or live;
 * highlighted is the one being answered now (at most one per event); any
 * state can be dismissed, and a dismissed question restored. Merged is final.
 */
const transitions: Record<QuestionStatus, readonly QuestionStatus[]> = {
  pending: ['live', 'highlighted', 'answered', 'dismissed'],
  // Back to pending: a moderator takes a question off the screen to look at it again.
  live: ['pending', 'highlighted', 'answered', 'dismissed'],
  // Back to live: highlighted by mistake, or set aside for later.
  highlighted: ['live', 'answered', 'dismissed'],
  // Reopened, or taken up again.
  answered: ['live', 'highlighted', 'dismissed'],
  dismissed: ['pending', 'live', 'highlighted', 'answered'],
  merged: [],
};

export function canTransitionQuestion(from: QuestionStatus, to: QuestionStatus): boolean {
  return transitions[from].includes(to);
}

export class QuestionTransitionError extends Error {
  constructor(
    readonly from: QuestionStatus,
    readonly to: QuestionStatus,
  ) {
    super(
      from === 'merged'
        ? 'The question has been merged into another one and cannot change'
        : `A question cannot move from ${from} to ${to}`,
    );
    this.name = 'QuestionTransitionError';
  }
}

export function assertQuestionTransition(from: QuestionStatus, to: QuestionStatus): void {
  if (!canTransitionQuestion(from, to)) throw new QuestionTransitionError(from, to);
}

/** The state a new question starts in. */
export function initialQuestionStatus(preModeration: boolean): QuestionStatus {
  return preModeration ? 'pending' : 'live';
}

/** Where restoring a dismissed question puts it: back where it was, except that highlighting is not restored. */
export function restoredQuestionStatus(dismissedFrom: QuestionStatus | null): QuestionStatus {
  if (!dismissedFrom || dismissedFrom === 'dismissed' || dismissedFrom === 'merged') return 'live';
  return dismissedFrom === 'highlighted' ? 'live' : dismissedFrom;
}

/** Open to the audience: attendees see these questions, whoever asked them. */
export function isPublicQuestionStatus(status: QuestionStatus): boolean {
  return status === 'live' || status === 'highlighted' || status === 'answered';
}

/** Attendees vote on what is in the queue and being answered, not on what is done with. */
export function acceptsVotes(status: QuestionStatus): boolean {
  return status === 'live' || status === 'highlighted';
}
