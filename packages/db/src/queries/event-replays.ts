import type { Queryable } from '../database.ts';

/**
 * The recording to link from each event's page: the newest one of the event with a public version.
 * Events without one are absent from the map.
 */
export async function findPublicReplayIdsByEvent(
  db: Queryable,
  eventIds: string[],
): Promise<Map<string, string>> {
  if (eventIds.length === 0) return new Map();
  const { rows } = await db.query<{ eventId: string; id: string }>(
    `select distinct on (r.event_id) r.event_id as "eventId", r.id
       from recordings r join recording_versions v on v.id = r.published_version_id
      where r.event_id = any($1::uuid[]) and r.state in ('quick_published', 'published') and r.publication = 'public' and v.state = 'public'
      order by r.event_id, r.published_at desc nulls last, r.id`,
    [eventIds],
  );
  return new Map(rows.map((r) => [r.eventId, r.id]));
}

/** The events among these whose live room has ended (the webinar is over, though its planned end may not have come). */
export async function findEventsWithEndedRoom(db: Queryable, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const { rows } = await db.query<{ eventId: string }>(
    `select event_id as "eventId" from live_rooms where event_id = any($1::uuid[]) and status = 'ended'`,
    [eventIds],
  );
  return new Set(rows.map((r) => r.eventId));
}
