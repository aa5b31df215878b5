import type { CaptionKind, CaptionLanguage, CaptionStatus } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoTimestamp } from './timestamps.ts';

export interface RecordingCaptionRow {
  recordingId: string;
  /** Captions (1.2.2) or a description track (1.2.5). */
  kind: CaptionKind;
  language: CaptionLanguage;
  /** Only approved tracks are public; a saved or uploaded track is a draft until approved. */
  status: CaptionStatus;
  /** The WebVTT file's key (content-hashed): in the raw bucket while a draft, in the public bucket once approved. */
  publicKey: string;
  cueCount: number;
  uploadedAt: string;
}

interface Row {
  recording_id: string;
  kind: CaptionKind;
  language: CaptionLanguage;
  status: CaptionStatus;
  public_key: string;
  cue_count: number;
  uploaded_at: Date;
}

const toRow = (r: Row): RecordingCaptionRow => ({
  recordingId: r.recording_id,
  kind: r.kind,
  language: r.language,
  status: r.status,
  publicKey: r.public_key,
  cueCount: r.cue_count,
  uploadedAt: isoTimestamp(r.uploaded_at),
});

/** Adds or replaces the track of one kind and language; it is a draft unless `status` says otherwise. */
export async function upsertRecordingCaption(
  db: Queryable,
  input: {
    recordingId: string;
    language: CaptionLanguage;
    publicKey: string;
    cueCount: number;
    kind?: CaptionKind;
    status?: CaptionStatus;
  },
): Promise<RecordingCaptionRow> {
  const { rows } = await db.query<Row>(
    `insert into recording_captions (recording_id, kind, language, status, public_key, cue_count)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (recording_id, kind, language) do update
       set public_key = excluded.public_key, cue_count = excluded.cue_count, status = excluded.status,
           uploaded_at = now()
     returning *`,
    [
      input.recordingId,
      input.kind ?? 'captions',
      input.language,
      input.status ?? 'draft',
      input.publicKey,
      input.cueCount,
    ],
  );
  return toRow(rows[0]!);
}

/**
 * Approves a track whose file has been copied to the public bucket under `publicKey`; null when
 * there is no such track, or when it changed since it was read (`draftKey`: the file approved).
 */
export async function approveRecordingCaption(
  db: Queryable,
  track: { recordingId: string; kind: CaptionKind; language: CaptionLanguage; draftKey: string },
  publicKey: string,
): Promise<RecordingCaptionRow | null> {
  const { rows } = await db.query<Row>(
    `update recording_captions set status = 'approved', public_key = $5
      where recording_id = $1 and kind = $2 and language = $3 and public_key = $4 returning *`,
    [track.recordingId, track.kind, track.language, track.draftKey, publicKey],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

export async function findRecordingCaption(
  db: Queryable,
  recordingId: string,
  kind: CaptionKind,
  language: CaptionLanguage,
): Promise<RecordingCaptionRow | null> {
  const { rows } = await db.query<Row>(
    'select * from recording_captions where recording_id = $1 and kind = $2 and language = $3',
    [recordingId, kind, language],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Every track of a recording, drafts too (for its organisers); see `approvedOnly`. */
export async function listRecordingCaptions(
  db: Queryable,
  recordingId: string,
): Promise<RecordingCaptionRow[]> {
  const { rows } = await db.query<Row>(
    'select * from recording_captions where recording_id = $1 order by kind, language',
    [recordingId],
  );
  return rows.map(toRow);
}

/** Every recording's tracks, drafts too, by recording id, for the archive and for lists. */
export async function listAllRecordingCaptions(db: Queryable): Promise<Map<string, RecordingCaptionRow[]>> {
  const { rows } = await db.query<Row>(
    'select * from recording_captions order by recording_id, kind, language',
  );
  const byRecording = new Map<string, RecordingCaptionRow[]>();
  for (const r of rows)
    byRecording.set(r.recording_id, [...(byRecording.get(r.recording_id) ?? []), toRow(r)]);
  return byRecording;
}

/** What the public may see of a recording's tracks: the approved ones. */
export const approvedOnly = (captions: readonly RecordingCaptionRow[]): RecordingCaptionRow[] =>
  captions.filter((c) => c.status === 'approved');

export async function deleteRecordingCaption(
  db: Queryable,
  recordingId: string,
  language: CaptionLanguage,
  kind: CaptionKind = 'captions',
): Promise<string | null> {
  const { rows } = await db.query<{ public_key: string }>(
    'delete from recording_captions where recording_id = $1 and kind = $2 and language = $3 returning public_key',
    [recordingId, kind, language],
  );
  return rows[0]?.public_key ?? null;
}

/** Replays online since before `publishedBefore` (their caption deadline passed) with no approved captions. */
export async function countRecordingsPastCaptionDeadline(
  db: Queryable,
  publishedBefore: Date,
): Promise<number> {
  const { rows } = await db.query<{ count: string | number }>(
    `select count(*) as count from recordings r
      where r.state in ('quick_published', 'published') and r.publication = 'public' and r.published_at < $1
        and not exists (select 1 from recording_captions c
                         where c.recording_id = r.id and c.kind = 'captions' and c.status = 'approved')`,
    [publishedBefore],
  );
  return Number(rows[0]?.count ?? 0);
}
