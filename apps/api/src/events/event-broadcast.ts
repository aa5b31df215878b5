import { ensureBroadcast, findBroadcastForEvent, type Queryable } from '@folkemote/db';
import type { JobQueues } from '@folkemote/queue';

/**
 * After an organiser's change to an event (created, edited, published, cancelled, copied): a
 * broadcast event gets its broadcast — the address its live page and later its replay keep — and
 * the live page is rewritten from the database. An event whose broadcast was switched off gets its
 * page rewritten too (it then says the event is not broadcast). Events never broadcast cost nothing.
 */
export async function refreshEventBroadcast(
  deps: { db: Queryable; queues: Pick<JobQueues, 'enqueue'> },
  eventId: string,
  broadcast: { before: boolean; after: boolean },
): Promise<void> {
  if (!broadcast.before && !broadcast.after) return;
  if (broadcast.after) await ensureBroadcast(deps.db, eventId);
  await deps.queues.enqueue('broadcast.refresh', { eventId });
}

/** True when the event is being broadcast now: its broadcast may not be switched off. */
export async function isBroadcastLive(db: Queryable, eventId: string): Promise<boolean> {
  return (await findBroadcastForEvent(db, eventId))?.status === 'live';
}
