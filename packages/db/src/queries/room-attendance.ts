import type { Queryable } from '../database.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

/** One stay of a registrant in the live room. */
export interface AttendanceSessionRow {
  registrationId: string;
  joinedAt: string;
  leftAt: string | null;
}

/**
 * A registrant entered the room (`at`: LiveKit's joining time). A stay still open for them ends
 * here: LiveKit lets one connection per identity in, so a new joining means the old one is gone.
 * A retried delivery, or a joining heard after its leaving, adds nothing. False when nothing was
 * added (or the registration is not the event's).
 */
export async function recordAttendanceJoin(
  db: Queryable,
  input: { eventId: string; registrationId: string; at: string; webhookId: string },
): Promise<boolean> {
  await db.query(
    `update room_attendance_sessions set left_at = $3
     where event_id = $1 and registration_id = $2 and left_at is null and joined_at < $3::timestamptz`,
    [input.eventId, input.registrationId, input.at],
  );
  const { rows } = await db.query(
    `insert into room_attendance_sessions (event_id, registration_id, joined_at, webhook_id)
     select $1, r.id, $3, $4 from registrations r where r.id = $2 and r.event_id = $1
     on conflict do nothing returning id`,
    [input.eventId, input.registrationId, input.at, input.webhookId],
  );
  return rows.length > 0;
}

/**
 * A registrant left. With LiveKit's joining time (`joinedAt`) the stay it names ends then, and a
 * leaving heard before its joining makes the whole stay at once. Without it, their latest open
 * stay that began by then ends; a repeat finds none open.
 */
export async function recordAttendanceLeave(
  db: Queryable,
  input: { eventId: string; registrationId: string; at: string; joinedAt: string | null; webhookId: string },
): Promise<void> {
  if (input.joinedAt) {
    await db.query(
      `insert into room_attendance_sessions (event_id, registration_id, joined_at, left_at, webhook_id)
       select $1, r.id, $3, greatest($3::timestamptz, $4::timestamptz), $5
       from registrations r where r.id = $2 and r.event_id = $1
       on conflict (registration_id, joined_at) do update set left_at = excluded.left_at`,
      [input.eventId, input.registrationId, input.joinedAt, input.at, input.webhookId],
    );
    return;
  }
  await db.query(
    `update room_attendance_sessions set left_at = $3
     where id = (select id from room_attendance_sessions
       where event_id = $1 and registration_id = $2 and left_at is null and joined_at <= $3::timestamptz
       order by joined_at desc limit 1)`,
    [input.eventId, input.registrationId, input.at],
  );
}

/** The room ended (or LiveKit finished it): every stay still open ends then. */
export async function closeOpenAttendance(db: Queryable, eventId: string, at: string): Promise<number> {
  const { rows } = await db.query(
    `update room_attendance_sessions set left_at = greatest(joined_at, $2::timestamptz)
     where event_id = $1 and left_at is null returning id`,
    [eventId, at],
  );
  return rows.length;
}

export async function listAttendanceSessions(
  db: Queryable,
  eventId: string,
): Promise<AttendanceSessionRow[]> {
  const { rows } = await db.query<{ registration_id: string; joined_at: Date; left_at: Date | null }>(
    `select registration_id, joined_at, left_at from room_attendance_sessions
     where event_id = $1 order by registration_id, joined_at`,
    [eventId],
  );
  return rows.map((r) => ({
    registrationId: r.registration_id,
    joinedAt: isoTimestamp(r.joined_at),
    leftAt: isoOrNull(r.left_at),
  }));
}
