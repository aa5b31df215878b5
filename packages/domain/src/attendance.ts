import type { AttendanceCounts } from './registration.ts';

/** One stay in the live room: joined, and left (null while still there or never heard of). */
export interface AttendanceSession {
  joinedAt: string;
  leftAt: string | null;
}

/** What the organiser sees of one registrant's attendance. */
export interface AttendanceSummary {
  attended: boolean;
  firstJoinedAt: string | null;
  /** Whole minutes in the room, overlapping stays counted once. */
  totalMinutes: number;
}

/**
 * A registrant's stays in the room, summed. A stay with no leaving ends at `openUntil` (the
 * room's end, or now while it is live), never before it began; stays that overlap (a rejoin
 * heard before the leaving) are counted once.
 */
export function summariseAttendance(
  sessions: readonly AttendanceSession[],
  openUntil: string,
): AttendanceSummary {
  if (sessions.length === 0) return { attended: false, firstJoinedAt: null, totalMinutes: 0 };
  const until = Date.parse(openUntil);
  const spans = sessions
    .map((s) => {
      const start = Date.parse(s.joinedAt);
      return { start, end: Math.max(start, s.leftAt ? Date.parse(s.leftAt) : until) };
    })
    .sort((a, b) => a.start - b.start);
  let totalMs = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const { start, end } of spans) {
    const from = Math.max(start, reached);
    if (end > from) totalMs += end - from;
    reached = Math.max(reached, end);
  }
  return {
    attended: true,
    firstJoinedAt: new Date(spans[0]!.start).toISOString(),
    totalMinutes: Math.round(totalMs / 60_000),
  };
}

/** One registrant's line in the organiser's attendance list. */
export interface RoomAttendanceLine extends AttendanceSummary {
  registrationId: string;
  name: string;
  email: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
}

/** What `GET /api/events/{slug}/attendance` answers. */
export interface RoomAttendanceReport {
  counts: {
    /** Confirmed registrations, those the retention has deleted included. */
    registered: number;
    /** Registrants who were in the live room at least once, those the retention has deleted included. */
    attended: number;
    /**
     * Replay views are not counted: the public replay is static files with no cookies and no
     * viewer tracking, so nobody's watching is recorded. Always null, with `replayViewsNote`.
     */
    replayViews: null;
    replayViewsNote: 'not_counted';
  };
  /**
   * A hybrid event's registrants by how they take part (null for the others): registered
   * (confirmed or waiting), and of those, ticked off at the door (in person) or in the live room
   * (online). Like the counts above, they stay when the retention deletes the registrations.
   */
  byAttendance: { registered: AttendanceCounts; attended: AttendanceCounts } | null;
  registrants: RoomAttendanceLine[];
}
