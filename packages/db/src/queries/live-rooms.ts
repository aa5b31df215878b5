import type { Queryable } from '../database.ts';
import { activeEgressStates } from './egresses.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

export type LiveRoomStatus = 'backstage' | 'live' | 'ended';

export interface LiveRoomRow {
  eventId: string;
  roomName: string;
  status: LiveRoomStatus;
  openedAt: string;
  liveAt: string | null;
  endedAt: string | null;
}

interface Row {
  event_id: string;
  room_name: string;
  status: LiveRoomStatus;
  opened_at: Date;
  live_at: Date | null;
  ended_at: Date | null;
}

const columns = 'event_id, room_name, status, opened_at, live_at, ended_at';

function toRow(r: Row): LiveRoomRow {
  return {
    eventId: r.event_id,
    roomName: r.room_name,
    status: r.status,
    openedAt: isoTimestamp(r.opened_at),
    liveAt: isoOrNull(r.live_at),
    endedAt: isoOrNull(r.ended_at),
  };
}

export async function findLiveRoom(db: Queryable, eventId: string): Promise<LiveRoomRow | null> {
  const { rows } = await db.query<Row>(`select ${columns} from live_rooms where event_id = $1`, [eventId]);
  return rows[0] ? toRow(rows[0]) : null;
}

export async function findLiveRoomByName(db: Queryable, roomName: string): Promise<LiveRoomRow | null> {
  const { rows } = await db.query<Row>(`select ${columns} from live_rooms where room_name = $1`, [roomName]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Opens the backstage; an open room stays as it is. The row as it now stands. */
export async function openLiveRoom(
  db: Queryable,
  input: { eventId: string; roomName: string },
): Promise<LiveRoomRow> {
  await db.query(
    `insert into live_rooms (event_id, room_name, status) values ($1, $2, 'backstage')
     on conflict (event_id) do nothing`,
    [input.eventId, input.roomName],
  );
  return (await findLiveRoom(db, input.eventId))!;
}

/**
 * Moves the room from one of `from` to `to`, stamping when it went live or ended.
 * Null when the room was not in one of `from` (someone else moved it first).
 */
export async function transitionLiveRoom(
  db: Queryable,
  eventId: string,
  from: LiveRoomStatus[],
  to: LiveRoomStatus,
): Promise<LiveRoomRow | null> {
  const { rows } = await db.query<Row>(
    `update live_rooms set status = $3,
       live_at = case when $3 = 'live' then coalesce(live_at, now()) else live_at end,
       ended_at = case when $3 = 'ended' then now() else ended_at end,
       updated_at = now()
     where event_id = $1 and status = any($2::text[]) returning ${columns}`,
    [eventId, from, to],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Rooms whose egresses may still change: open ones, and those ended within `endedWithinSeconds`. */
export async function listLiveRoomsToReconcile(
  db: Queryable,
  endedWithinSeconds: number,
): Promise<LiveRoomRow[]> {
  const { rows } = await db.query<Row>(
    `select ${columns} from live_rooms
     where status <> 'ended' or ended_at > now() - make_interval(secs => $1)
        or event_id in (select event_id from egresses
                        where status = any($2::text[]))
     order by opened_at`,
    [endedWithinSeconds, activeEgressStates],
  );
  return rows.map(toRow);
}
