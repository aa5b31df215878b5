import type { Queryable } from '../database.ts';

/** Whether the event is marked for broadcast on the public site; null for a missing event. */
export async function isEventBroadcast(db: Queryable, eventId: string): Promise<boolean | null> {
  const { rows } = await db.query<{ broadcast: boolean }>('select broadcast from events where id = $1', [
    eventId,
  ]);
  return rows[0]?.broadcast ?? null;
}
