import type { Queryable } from '../database.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

export const egressStates = [
  'requested',
  'starting',
  'active',
  'ending',
  'complete',
  'failed',
  'aborted',
  'limit_reached',
] as const;
export type EgressState = (typeof egressStates)[number];
export const activeEgressStates: EgressState[] = ['requested', 'starting', 'active', 'ending'];

export function isEgressFinal(status: EgressState): boolean {
  return !activeEgressStates.includes(status);
}

/** How far an egress has come: a late or repeated report never moves it back. */
function egressRank(status: EgressState): number {
  return isEgressFinal(status) ? 4 : activeEgressStates.indexOf(status);
}

export interface EgressRow {
  id: string;
  eventId: string;
  roomName: string;
  egressId: string | null;
  status: EgressState;
  error: string | null;
  startedAt: string | null;
  endedAt: string | null;
  recordingId: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  event_id: string;
  room_name: string;
  egress_id: string | null;
  status: EgressState;
  error: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  recording_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const columns =
  'id, event_id, room_name, egress_id, status, error, started_at, ended_at, recording_id, created_at, updated_at';

function toRow(r: Row): EgressRow {
  return {
    id: r.id,
    eventId: r.event_id,
    roomName: r.room_name,
    egressId: r.egress_id,
    status: r.status,
    error: r.error,
    startedAt: isoOrNull(r.started_at),
    endedAt: isoOrNull(r.ended_at),
    recordingId: r.recording_id,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
  };
}

/**
 * Reserves the room's one active recording before LiveKit is asked for it.
 * Null when the room already has an active one (the partial unique index decides, so a race has one winner).
 */
export async function reserveEgress(
  db: Queryable,
  input: { eventId: string; roomName: string },
): Promise<EgressRow | null> {
  const { rows } = await db.query<Row>(
    `insert into egresses (event_id, room_name, status) values ($1, $2, 'requested')
     on conflict do nothing returning ${columns}`,
    [input.eventId, input.roomName],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/**
 * Stores LiveKit's answer to a start on the reservation. Should a report about the egress have
 * arrived first and taken the reservation for another egress, the answer gets a row of its own.
 */
export async function attachEgressId(
  db: Queryable,
  reservation: { id: string; eventId: string; roomName: string },
  egressId: string,
): Promise<EgressRow | null> {
  const { rows } = await db.query<Row>(
    `update egresses set egress_id = $2, status = 'starting', updated_at = now()
     where id = $1 and egress_id is null returning ${columns}`,
    [reservation.id, egressId],
  );
  if (rows[0]) return toRow(rows[0]);
  await db.query(
    `insert into egresses (event_id, room_name, egress_id, status) values ($1, $2, $3, 'starting')
     on conflict do nothing`,
    [reservation.eventId, reservation.roomName, egressId],
  );
  return findEgressByEgressId(db, egressId);
}

/** Drops a reservation LiveKit refused. */
export async function deleteEgressReservation(db: Queryable, id: string): Promise<void> {
  await db.query(`delete from egresses where id = $1 and egress_id is null`, [id]);
}

export async function findActiveEgress(db: Queryable, eventId: string): Promise<EgressRow | null> {
  const { rows } = await db.query<Row>(
    `select ${columns} from egresses where event_id = $1 and status = any($2::text[])`,
    [eventId, activeEgressStates],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

export async function findLatestEgress(db: Queryable, eventId: string): Promise<EgressRow | null> {
  const { rows } = await db.query<Row>(
    `select ${columns} from egresses where event_id = $1 order by created_at desc, id limit 1`,
    [eventId],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

export async function findEgressByEgressId(db: Queryable, egressId: string): Promise<EgressRow | null> {
  const { rows } = await db.query<Row>(`select ${columns} from egresses where egress_id = $1`, [egressId]);
  return rows[0] ? toRow(rows[0]) : null;
}

export interface FailedLiveRecording {
  egressId: string | null;
  event: { slug: string; title: string };
  status: 'failed' | 'aborted' | 'limit_reached';
  error: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** Room recordings of the organisation's events that ended without a file, newest first (the organiser's list). */
export async function listFailedLiveRecordings(
  db: Queryable,
  organisationId: string,
  limit = 50,
): Promise<FailedLiveRecording[]> {
  const { rows } = await db.query<{
    egress_id: string | null;
    slug: string;
    title: string;
    status: FailedLiveRecording['status'];
    error: string | null;
    started_at: Date | null;
    ended_at: Date | null;
  }>(
    `select g.egress_id, e.slug, e.title, g.status, g.error, g.started_at, g.ended_at
     from egresses g join events e on e.id = g.event_id
     where e.organisation_id = $1 and g.status in ('failed', 'aborted', 'limit_reached')
     order by g.created_at desc, g.id limit $2`,
    [organisationId, limit],
  );
  return rows.map((r) => ({
    egressId: r.egress_id,
    event: { slug: r.slug, title: r.title },
    status: r.status,
    error: r.error,
    startedAt: isoOrNull(r.started_at),
    endedAt: isoOrNull(r.ended_at),
  }));
}

export interface EgressReport {
  eventId: string;
  roomName: string;
  egressId: string;
  status: Exclude<EgressState, 'requested'>;
  error: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
}

/**
 * Applies what LiveKit reports about an egress, locking its row for the rest of the transaction.
 * An egress we know is moved forward only; an unknown one takes the room's open reservation
 * (its start answer has not been stored yet) or becomes a row of its own. Null when it cannot
 * be stored: an unknown, unfinished egress while the room already has an active one.
 */
export async function saveEgressReport(
  db: Queryable,
  report: EgressReport,
): Promise<{ egress: EgressRow; changed: boolean } | null> {
  let current = await lockEgress(db, report.egressId);
  if (!current) {
    const { rows } = await db.query<Row>(
      `update egresses set egress_id = $2, updated_at = now()
       where id = (select id from egresses where event_id = $1 and status = 'requested' and egress_id is null
                   order by created_at limit 1 for update)
       returning ${columns}`,
      [report.eventId, report.egressId],
    );
    if (rows[0]) current = toRow(rows[0]);
  }
  if (!current) {
    await db.query(
      `insert into egresses (event_id, room_name, egress_id, status) values ($1, $2, $3, $4)
       on conflict do nothing`,
      [report.eventId, report.roomName, report.egressId, report.status],
    );
    current = await lockEgress(db, report.egressId);
    if (!current) return null;
  }
  const behind = egressRank(report.status) < egressRank(current.status);
  const nothingNew =
    report.status === current.status &&
    (current.startedAt !== null || report.startedAt === null) &&
    (current.endedAt !== null || report.endedAt === null) &&
    (report.error === null || report.error === current.error);
  if (behind || nothingNew) return { egress: current, changed: false };
  const { rows } = await db.query<Row>(
    `update egresses set status = $2, error = coalesce($3, error),
       started_at = coalesce(started_at, $4), ended_at = coalesce($5, ended_at), updated_at = now()
     where id = $1 returning ${columns}`,
    [current.id, report.status, report.error, report.startedAt, report.endedAt],
  );
  return { egress: toRow(rows[0]!), changed: true };
}

async function lockEgress(db: Queryable, egressId: string): Promise<EgressRow | null> {
  const { rows } = await db.query<Row>(`select ${columns} from egresses where egress_id = $1 for update`, [
    egressId,
  ]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Links the finished egress to the recording made from it; false when it already has one. */
export async function linkEgressRecording(db: Queryable, id: string, recordingId: string): Promise<boolean> {
  const { rows } = await db.query(
    `update egresses set recording_id = $2, updated_at = now() where id = $1 and recording_id is null
     returning id`,
    [id, recordingId],
  );
  return rows.length > 0;
}

/** Reservations whose start never finished (a crash between reserving and storing LiveKit's answer). */
export async function deleteStaleEgressReservations(
  db: Queryable,
  olderThanSeconds: number,
): Promise<number> {
  const { rows } = await db.query(
    `delete from egresses where status = 'requested' and egress_id is null
       and created_at < now() - make_interval(secs => $1) returning id`,
    [olderThanSeconds],
  );
  return rows.length;
}

/** Recordings made from live rooms that have not entered the pipeline yet (its first step never got queued). */
export async function listEgressRecordingsAwaitingIngest(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select r.id from egresses g join recordings r on r.id = g.recording_id where r.state = 'uploaded'`,
  );
  return rows.map((r) => r.id);
}
