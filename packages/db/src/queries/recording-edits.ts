import type { TimeRange } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

export interface RecordingEditsRow {
  recordingId: string;
  /** The cuts asked for last, in source seconds, in order. */
  cuts: TimeRange[];
  /** The cuts of the version made last: the captions and chapters are in its times. */
  appliedCuts: TimeRange[];
  requestedAt: string;
  appliedAt: string | null;
}

interface Row {
  recording_id: string;
  cuts: TimeRange[];
  applied_cuts: TimeRange[];
  requested_at: Date;
  applied_at: Date | null;
}

const toRow = (r: Row): RecordingEditsRow => ({
  recordingId: r.recording_id,
  cuts: r.cuts,
  appliedCuts: r.applied_cuts,
  requestedAt: isoTimestamp(r.requested_at),
  appliedAt: isoOrNull(r.applied_at),
});

/** A recording's trim; null when it was never trimmed. */
export async function findRecordingEdits(
  db: Queryable,
  recordingId: string,
): Promise<RecordingEditsRow | null> {
  const { rows } = await db.query<Row>('select * from recording_edits where recording_id = $1', [
    recordingId,
  ]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Stores the cuts an organiser asked for (checked and normalised by the caller). */
export async function saveRequestedCuts(
  db: Queryable,
  recordingId: string,
  cuts: TimeRange[],
): Promise<RecordingEditsRow> {
  const { rows } = await db.query<Row>(
    `insert into recording_edits (recording_id, cuts) values ($1, $2::jsonb)
     on conflict (recording_id) do update set cuts = excluded.cuts, requested_at = now()
     returning *`,
    [recordingId, JSON.stringify(cuts)],
  );
  return toRow(rows[0]!);
}

/** The cuts a version was made with, once its captions and chapters have been moved onto it. */
export async function markCutsApplied(db: Queryable, recordingId: string, cuts: TimeRange[]): Promise<void> {
  await db.query(
    `insert into recording_edits (recording_id, cuts, applied_cuts, applied_at) values ($1, $2::jsonb, $2::jsonb, now())
     on conflict (recording_id) do update set applied_cuts = excluded.applied_cuts, applied_at = now()`,
    [recordingId, JSON.stringify(cuts)],
  );
}
