import { ensureBroadcast } from '@folkemote/db';
import type { TestSystem } from '@folkemote/system/testing';

/**
 * Marks the event as a broadcast, as its organiser does in the event editor, and returns the
 * broadcast's id: its public address `replays/<id>/` from the countdown to the replay. The live
 * page's first version (the countdown) is written by `broadcast.refresh`.
 */
export async function makeBroadcastEvent(system: TestSystem, event: { id: string }): Promise<string> {
  await system.deps.db.query('update events set broadcast = true where id = $1', [event.id]);
  const broadcast = await ensureBroadcast(system.deps.db, event.id);
  await system.deps.queues.enqueue('broadcast.refresh', { eventId: event.id });
  return broadcast.id;
}
