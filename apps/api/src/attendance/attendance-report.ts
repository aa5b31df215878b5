import {
  countHybridAttendance,
  countRegistrations,
  findAttendanceTally,
  findLiveRoom,
  listAttendanceSessions,
  listRegistrations,
  toRegistrationView,
} from '@folkemote/db';
import {
  type AttendanceSession,
  type EventMode,
  type RoomAttendanceReport,
  summariseAttendance,
} from '@folkemote/domain';
import type { ApiDeps } from '../api-deps.ts';

/**
 * Who of the registrants was in the live room, first when and how long in all. A stay with no
 * leaving ends when the room ended (or now, while it is open). Confirmed registrants are listed,
 * and anyone else who was in the room (cancelled afterwards, say). The counts take in what the
 * retention kept of the rows it deleted (`attendance_tallies`), so they stay after the names go.
 */
export async function attendanceReport(
  deps: Pick<ApiDeps, 'db'>,
  event: { id: string; mode: EventMode },
  now = new Date(),
): Promise<RoomAttendanceReport> {
  const { db } = deps;
  const eventId = event.id;
  const [registrations, sessions, room, counts, tally, byAttendance] = await Promise.all([
    listRegistrations(db, eventId),
    listAttendanceSessions(db, eventId),
    findLiveRoom(db, eventId),
    countRegistrations(db, eventId),
    findAttendanceTally(db, eventId),
    event.mode === 'hybrid' ? countHybridAttendance(db, eventId) : null,
  ]);
  const byRegistration = new Map<string, AttendanceSession[]>();
  for (const s of sessions) {
    const list = byRegistration.get(s.registrationId) ?? [];
    list.push(s);
    byRegistration.set(s.registrationId, list);
  }
  const openUntil = room?.endedAt ?? now.toISOString();
  const registrants = registrations
    .map(toRegistrationView)
    .filter((r) => r.status === 'confirmed' || byRegistration.has(r.id))
    .map((r) => ({
      registrationId: r.id,
      name: r.name,
      email: r.email,
      status: r.status,
      ...summariseAttendance(byRegistration.get(r.id) ?? [], openUntil),
    }));
  return {
    counts: {
      registered: counts.confirmed,
      attended: registrants.filter((r) => r.attended).length + tally.attended,
      replayViews: null,
      replayViewsNote: 'not_counted' as const,
    },
    byAttendance,
    registrants,
  };
}
