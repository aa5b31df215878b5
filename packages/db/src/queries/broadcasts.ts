import type { BroadcastStatus } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

export interface BroadcastRow {
  /** The replay address (`replays/<id>/`) and the id of the recording made when it ends. */
  id: string;
  eventId: string;
  status: BroadcastStatus;
  egressId: string | null;
  liveSince: string | null;
  endedAt: string | null;
  updatedAt: string;
}

interface Row {
  id: string;
  event_id: string;
  status: BroadcastStatus;
  egress_id: string | null;
  live_since: Date | null;
  ended_at: Date | null;
  updated_at: Date;
}

const toRow = (r: Row): BroadcastRow => ({
  id: r.id,
  eventId: r.event_id,
  status: r.status,
  egressId: r.egress_id,
  liveSince: isoOrNull(r.live_since),
  endedAt: isoOrNull(r.ended_at),
  updatedAt: isoTimestamp(r.updated_at),
});

/** The event's broadcast, made (with its address) the first time it is asked for. */
export async function ensureBroadcast(db: Queryable, eventId: string): Promise<BroadcastRow> {
  await db.query(
    'insert into broadcasts (id, event_id) values (gen_random_uuid(), $1) on conflict (event_id) do nothing',
    [eventId],
  );
  return (await findBroadcastForEvent(db, eventId)) as BroadcastRow;
}

export async function findBroadcastForEvent(db: Queryable, eventId: string): Promise<BroadcastRow | null> {
  const { rows } = await db.query<Row>('select * from broadcasts where event_id = $1', [eventId]);
  return rows[0] ? toRow(rows[0]) : null;
}

export async function findBroadcastById(db: Queryable, id: string): Promise<BroadcastRow | null> {
  const { rows } = await db.query<Row>('select * from broadcasts where id = $1', [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Scheduled → live, with the egress writing the stream; null when it was not scheduled. */
export async function markBroadcastLive(
  db: Queryable,
  eventId: string,
  egressId: string,
): Promise<BroadcastRow | null> {
  const { rows } = await db.query<Row>(
    `update broadcasts set status = 'live', egress_id = $2, live_since = now(), updated_at = now()
     where event_id = $1 and status = 'scheduled' returning *`,
    [eventId, egressId],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Live → ended, once; null when it was not live. */
export async function markBroadcastEnded(db: Queryable, eventId: string): Promise<BroadcastRow | null> {
  const { rows } = await db.query<Row>(
    `update broadcasts set status = 'ended', ended_at = now(), updated_at = now()
     where event_id = $1 and status = 'live' returning *`,
    [eventId],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/**
 * The broadcast a recording started now would go live with: the event is marked broadcast and its
 * broadcast has not been live yet. Null otherwise (a second recording after the end is a plain one).
 */
export async function findBroadcastToStart(db: Queryable, eventId: string): Promise<BroadcastRow | null> {
  const { rows } = await db.query<Row>(
    `select b.* from broadcasts b join events e on e.id = b.event_id
     where b.event_id = $1 and e.broadcast and b.status = 'scheduled'`,
    [eventId],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/**
 * The event's broadcast as those who run the room see it: while the event is marked broadcast, or
 * once it has been live (a broadcast switched off before it started is no broadcast).
 */
export async function findRoomBroadcast(db: Queryable, eventId: string): Promise<BroadcastRow | null> {
  const { rows } = await db.query<Row>(
    `select b.* from broadcasts b join events e on e.id = b.event_id
     where b.event_id = $1 and (e.broadcast or b.status <> 'scheduled')`,
    [eventId],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** The broadcast ids of those of the events that are marked broadcast, by event id. */
export async function findBroadcastIdsByEvent(
  db: Queryable,
  eventIds: string[],
): Promise<Map<string, string>> {
  if (eventIds.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; event_id: string }>(
    `select b.id, b.event_id from broadcasts b join events e on e.id = b.event_id
     where b.event_id = any($1::uuid[]) and e.broadcast`,
    [eventIds],
  );
  return new Map(rows.map((r) => [r.event_id, r.id]));
}
