import type { AttendanceCounts } from '@folkemote/domain';
import type { Queryable } from '../database.ts';

/** What the attendance section counts of rows the retention has deleted. */
export interface AttendanceTally {
  /** Registrants who were in the live room at least once. */
  attended: number;
  /** A hybrid event's active registrations by how they take part. */
  registered: AttendanceCounts;
  /** Of those: ticked off at the door (in person) and in the live room (online). */
  attendedBy: AttendanceCounts;
}

const empty = (): AttendanceTally => ({
  attended: 0,
  registered: { in_person: 0, online: 0 },
  attendedBy: { in_person: 0, online: 0 },
});

/**
 * Counts the event's registrations and their stays in the room into its tallies, in the transaction
 * that is about to delete them at the end of the retention (before the delete: the stays go with
 * the registrations). Adds to what an earlier run kept.
 */
export async function tallyAttendanceBeforeDeletion(tx: Queryable, eventId: string): Promise<void> {
  await tx.query(
    `with r as (
       select r.status, r.attendance, r.checked_in_at is not null as checked_in,
         exists (select 1 from room_attendance_sessions s where s.registration_id = r.id) as in_room
       from registrations r where r.event_id = $1
     )
     insert into attendance_tallies (event_id, attended, registered_in_person, registered_online,
       attended_in_person, attended_online)
     select $1,
       count(*) filter (where in_room),
       count(*) filter (where attendance = 'in_person' and status <> 'cancelled'),
       count(*) filter (where attendance = 'online' and status <> 'cancelled'),
       count(*) filter (where attendance = 'in_person' and status = 'confirmed' and checked_in),
       count(*) filter (where attendance = 'online' and in_room)
     from r
     on conflict (event_id) do update set attended = attendance_tallies.attended + excluded.attended,
       registered_in_person = attendance_tallies.registered_in_person + excluded.registered_in_person,
       registered_online = attendance_tallies.registered_online + excluded.registered_online,
       attended_in_person = attendance_tallies.attended_in_person + excluded.attended_in_person,
       attended_online = attendance_tallies.attended_online + excluded.attended_online,
       updated_at = now()`,
    [eventId],
  );
}

/** The tallies kept of the event's deleted rows (zeros when none were deleted). */
export async function findAttendanceTally(db: Queryable, eventId: string): Promise<AttendanceTally> {
  const { rows } = await db.query<{
    attended: number;
    registered_in_person: number;
    registered_online: number;
    attended_in_person: number;
    attended_online: number;
  }>(
    `select attended, registered_in_person, registered_online, attended_in_person, attended_online
     from attendance_tallies where event_id = $1`,
    [eventId],
  );
  const t = rows[0];
  if (!t) return empty();
  return {
    attended: t.attended,
    registered: { in_person: t.registered_in_person, online: t.registered_online },
    attendedBy: { in_person: t.attended_in_person, online: t.attended_online },
  };
}

/**
 * A hybrid event's registrants by how they take part, among the rows still held, plus the tallies:
 * registered (confirmed or waiting), and of those, ticked off at the door (in person) or in the live
 * room (online).
 */
export async function countHybridAttendance(
  db: Queryable,
  eventId: string,
): Promise<{ registered: AttendanceCounts; attended: AttendanceCounts }> {
  const [{ rows }, tally] = await Promise.all([
    db.query<{
      registered_in_person: number;
      registered_online: number;
      attended_in_person: number;
      attended_online: number;
    }>(
      `select
         count(*) filter (where attendance = 'in_person' and status <> 'cancelled')::int as registered_in_person,
         count(*) filter (where attendance = 'online' and status <> 'cancelled')::int as registered_online,
         count(*) filter (where attendance = 'in_person' and status = 'confirmed' and checked_in_at is not null)::int
           as attended_in_person,
         count(*) filter (where attendance = 'online' and exists (
           select 1 from room_attendance_sessions s where s.registration_id = r.id))::int as attended_online
       from registrations r where r.event_id = $1`,
      [eventId],
    ),
    findAttendanceTally(db, eventId),
  ]);
  const live = rows[0]!;
  return {
    registered: {
      in_person: live.registered_in_person + tally.registered.in_person,
      online: live.registered_online + tally.registered.online,
    },
    attended: {
      in_person: live.attended_in_person + tally.attendedBy.in_person,
      online: live.attended_online + tally.attendedBy.online,
    },
  };
}
