import {
  countRegistrations,
  findLiveRoom,
  listAttendanceSessions,
  listRegistrations,
  toRegistrationView,
} from '@folkemote/db';
import { type AttendanceSession, type RegistrationStatus, summariseAttendance } from '@folkemote/domain';
import type { ApiDeps } from '../api-deps.ts';

/** One registrant's line in the organiser's attendance list. */
export interface AttendanceLine {
  registrationId: string;
  name: string;
  email: string;
  status: RegistrationStatus;
  attended: boolean;
  firstJoinedAt: string | null;
  totalMinutes: number;
}

export interface AttendanceReport {
  counts: {
    /** Confirmed registrations, those the retention has deleted included. */
    registered: number;
    /** Registrants who were in the live room at least once. */
    attended: number;
    /**
     * Replay views are not counted: the public replay is static files with no cookies and no
     * viewer tracking, so nobody's watching is recorded. Always null, with `replayViewsNote`.
     */
    replayViews: null;
    replayViewsNote: 'not_counted';
  };
  registrants: AttendanceLine[];
}

/**
 * Who of the registrants was in the live room, first when and how long in all. A stay with no
 * leaving ends when the room ended (or now, while it is open). Confirmed registrants are listed,
 * and anyone else who was in the room (cancelled afterwards, say).
 */
export async function attendanceReport(
  deps: Pick<ApiDeps, 'db'>,
  eventId: string,
  now = new Date(),
): Promise<AttendanceReport> {
  const { db } = deps;
  const [registrations, sessions, room, counts] = await Promise.all([
    listRegistrations(db, eventId),
    listAttendanceSessions(db, eventId),
    findLiveRoom(db, eventId),
    countRegistrations(db, eventId),
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
      attended: registrants.filter((r) => r.attended).length,
      replayViews: null,
      replayViewsNote: 'not_counted',
    },
    registrants,
  };
}
