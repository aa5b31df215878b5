import {
  appendQuestionChanges,
  type ChangeActor,
  type EventQaState,
  findEventQa,
  lockEventQa,
  type NewQuestionChange,
  type Queryable,
} from '@folkemote/db';
import { changesHighlight } from './highlight-change.ts';
import type { QuestionDeps } from './question-deps.ts';

export interface ChangeOutcome<T> {
  result: T;
  changes: NewQuestionChange[];
}

export interface ChangeContext {
  tx: Queryable;
  /** The event's Q&A settings and last change number, as read when the change began. */
  state: EventQaState;
  now: Date;
  /** Takes the event's Q&A row for the rest of the transaction (once; later calls return the same). */
  lock(): Promise<EventQaState>;
}

/**
 * Runs one change of an event's Q&A in a transaction: it reads the state, makes
 * its changes, records them in the change log numbered after the last, and only
 * after the commit announces the new last number.
 *
 * Rows are taken in one order everywhere — the questions' rows (in id order),
 * then the event's Q&A row — so no two changes wait on each other in a circle.
 * Every change of the event passes through that one row, and holds it from when
 * it takes it until its commit, so it takes it as late as it can: asking and
 * voting only when their change is numbered, moderation once its questions are
 * held (`lock()`), so it decides on a state nobody changes meanwhile; only the
 * settings take it first.
 * A failed announcement is logged, not fatal: every instance also polls. A change of the
 * highlighted question is also handed on (a broadcast's highlight file) after the commit.
 */
export async function changeQuestions<T>(
  deps: QuestionDeps,
  eventId: string,
  actor: ChangeActor,
  change: (context: ChangeContext) => Promise<ChangeOutcome<T>>,
  options: { lockFirst: boolean } = { lockFirst: true },
): Promise<{ result: T; lastEventId: number }> {
  const { result, lastSeq, changed, highlight } = await withDeadlockRetry(() =>
    deps.db.transaction(async (tx) => {
      let locked: Promise<EventQaState> | null = null;
      const lock = () => {
        locked ??= lockEventQa(tx, eventId);
        return locked;
      };
      const state = options.lockFirst ? await lock() : await findEventQa(tx, eventId);
      const now = new Date();
      const outcome = await change({ tx, state, now, lock });
      if (outcome.changes.length === 0)
        return { result: outcome.result, lastSeq: state.lastSeq, changed: false, highlight: false };
      const lastSeq = await appendQuestionChanges(tx, eventId, actor, outcome.changes, now);
      return { result: outcome.result, lastSeq, changed: true, highlight: changesHighlight(outcome.changes) };
    }),
  );
  if (changed)
    await deps
      .announce(eventId, lastSeq)
      .catch((err) => deps.log.warn({ err, eventId }, 'Q&A change not announced'));
  if (highlight) deps.highlightChanged?.(eventId);
  return { result, lastEventId: lastSeq };
}

/**
 * Thrown inside a change when a row it looked at before taking the event's row
 * was changed by another change meanwhile (the question highlighted now is not
 * the one it holds): the transaction goes back and runs again on fresh rows,
 * rather than take a question's row after the event's, out of order.
 */
export class StaleLookError extends Error {
  constructor() {
    super('The rows looked at before the lock changed meanwhile');
    this.name = 'StaleLookError';
  }
}

/**
 * Runs the transaction again after a stale look, or when PostgreSQL broke a
 * circle of waits by failing this transaction (code 40P01); a short random
 * pause keeps the same two from meeting again at once.
 */
async function withDeadlockRetry<T>(run: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const retryable = err instanceof StaleLookError || (err as { code?: string }).code === '40P01';
      if (attempt >= attempts || !retryable) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}
