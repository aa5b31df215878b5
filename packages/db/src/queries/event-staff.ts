import type { StaffRole } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

export interface EventStaffRow {
  id: string;
  eventId: string;
  role: StaffRole;
  displayName: string;
  createdAt: string;
  revokedAt: string | null;
}

interface Row {
  id: string;
  event_id: string;
  role: StaffRole;
  display_name: string;
  created_at: Date;
  revoked_at: Date | null;
}

const columns = 'id, event_id, role, display_name, created_at, revoked_at';

function toRow(r: Row): EventStaffRow {
  return {
    id: r.id,
    eventId: r.event_id,
    role: r.role,
    displayName: r.display_name,
    createdAt: isoTimestamp(r.created_at),
    revokedAt: isoOrNull(r.revoked_at),
  };
}

export async function insertEventStaff(
  db: Queryable,
  input: { id?: string; eventId: string; role: StaffRole; displayName: string; tokenHash: string },
): Promise<EventStaffRow> {
  const { rows } = await db.query<Row>(
    `insert into event_staff (id, event_id, role, display_name, token_hash)
     values (coalesce($5::uuid, gen_random_uuid()), $1, $2, $3, $4)
     returning ${columns}`,
    [input.eventId, input.role, input.displayName, input.tokenHash, input.id ?? null],
  );
  return toRow(rows[0]!);
}

/** The staff member a link token belongs to, unless the link has been revoked. */
export async function findActiveEventStaffByTokenHash(
  db: Queryable,
  tokenHash: string,
): Promise<EventStaffRow | null> {
  const { rows } = await db.query<Row>(
    `select ${columns} from event_staff where token_hash = $1 and revoked_at is null`,
    [tokenHash],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

export async function listEventStaff(db: Queryable, eventId: string): Promise<EventStaffRow[]> {
  const { rows } = await db.query<Row>(
    `select ${columns} from event_staff where event_id = $1 order by created_at, id`,
    [eventId],
  );
  return rows.map(toRow);
}

/** Revokes the link; false when there is no such link for the event or it was revoked before. */
export async function revokeEventStaff(db: Queryable, eventId: string, id: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `update event_staff set revoked_at = now() where event_id = $1 and id = $2 and revoked_at is null
     returning id`,
    [eventId, id],
  );
  return rows.length > 0;
}

export async function findEventStaffById(db: Queryable, id: string): Promise<EventStaffRow | null> {
  const { rows } = await db.query<Row>(`select ${columns} from event_staff where id = $1`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}
