import type { EventRole } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoOrNull } from './timestamps.ts';

export interface RoomParticipantRow {
  eventId: string;
  identity: string;
  displayName: string;
  role: EventRole;
  handRaisedAt: string | null;
  onStage: boolean;
  removedAt: string | null;
}

interface Row {
  event_id: string;
  identity: string;
  display_name: string;
  role: EventRole;
  hand_raised_at: Date | null;
  on_stage: boolean;
  removed_at: Date | null;
}

const columns = 'event_id, identity, display_name, role, hand_raised_at, on_stage, removed_at';

function toRow(r: Row): RoomParticipantRow {
  return {
    eventId: r.event_id,
    identity: r.identity,
    displayName: r.display_name,
    role: r.role,
    handRaisedAt: isoOrNull(r.hand_raised_at),
    onStage: r.on_stage,
    removedAt: isoOrNull(r.removed_at),
  };
}

/**
 * Records someone entering the room (or coming back), keeping their hand and stage state.
 * Presenters and hosts are on stage from the start. A registrant's row belongs to their
 * registration (`registrationId`) and is deleted with it, name and all.
 */
export async function upsertRoomParticipant(
  db: Queryable,
  input: {
    eventId: string;
    identity: string;
    displayName: string;
    role: EventRole;
    registrationId: string | null;
  },
): Promise<RoomParticipantRow> {
  const { rows } = await db.query<Row>(
    `insert into room_participants (event_id, identity, display_name, role, on_stage, registration_id)
     values ($1, $2, $3, $4, $4 in ('host', 'presenter'), $5)
     on conflict (event_id, identity) do update set display_name = excluded.display_name,
       role = excluded.role, updated_at = now()
     returning ${columns}`,
    [input.eventId, input.identity, input.displayName, input.role, input.registrationId],
  );
  return toRow(rows[0]!);
}

export async function findRoomParticipant(
  db: Queryable,
  eventId: string,
  identity: string,
): Promise<RoomParticipantRow | null> {
  const { rows } = await db.query<Row>(
    `select ${columns} from room_participants where event_id = $1 and identity = $2`,
    [eventId, identity],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

export async function listRoomParticipants(db: Queryable, eventId: string): Promise<RoomParticipantRow[]> {
  const { rows } = await db.query<Row>(
    `select ${columns} from room_participants where event_id = $1
     order by hand_raised_at nulls last, joined_at, identity`,
    [eventId],
  );
  return rows.map(toRow);
}

/** Raises (keeping the first raise time) or lowers a hand; null when the participant is unknown. */
export async function setRoomHand(
  db: Queryable,
  eventId: string,
  identity: string,
  raised: boolean,
): Promise<RoomParticipantRow | null> {
  const { rows } = await db.query<Row>(
    `update room_participants set
       hand_raised_at = case when $3 then coalesce(hand_raised_at, now()) else null end,
       updated_at = now()
     where event_id = $1 and identity = $2 returning ${columns}`,
    [eventId, identity, raised],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Brings someone on stage (their hand goes down) or back to the audience; null when unknown. */
export async function setRoomOnStage(
  db: Queryable,
  eventId: string,
  identity: string,
  onStage: boolean,
): Promise<RoomParticipantRow | null> {
  const { rows } = await db.query<Row>(
    `update room_participants set on_stage = $3,
       hand_raised_at = case when $3 then null else hand_raised_at end,
       updated_at = now()
     where event_id = $1 and identity = $2 returning ${columns}`,
    [eventId, identity, onStage],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Marks someone as removed: off stage, hand down, and no new access token for this event. */
export async function markRoomParticipantRemoved(
  db: Queryable,
  eventId: string,
  identity: string,
): Promise<RoomParticipantRow | null> {
  const { rows } = await db.query<Row>(
    `update room_participants set removed_at = coalesce(removed_at, now()), on_stage = false,
       hand_raised_at = null, updated_at = now()
     where event_id = $1 and identity = $2 returning ${columns}`,
    [eventId, identity],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/**
 * The rooms not yet ended in which `identity` was given a token: where LiveKit may still have
 * them connected. Open rooms are few, so this goes through them rather than every participant.
 */
export async function listOpenRoomsOfIdentity(
  db: Queryable,
  identity: string,
): Promise<Array<{ eventId: string; roomName: string }>> {
  const { rows } = await db.query<{ event_id: string; room_name: string }>(
    `select r.event_id, r.room_name from live_rooms r
     join room_participants p on p.event_id = r.event_id and p.identity = $1
     where r.status <> 'ended'`,
    [identity],
  );
  return rows.map((r) => ({ eventId: r.event_id, roomName: r.room_name }));
}
