import type { CaptionLanguage } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoTimestamp } from './timestamps.ts';

export interface RecordingCaptionRow {
  recordingId: string;
  language: CaptionLanguage;
  /** The WebVTT file's key in the public bucket. */
  publicKey: string;
  cueCount: number;
  uploadedAt: string;
}

interface Row {
  recording_id: string;
  language: CaptionLanguage;
  public_key: string;
  cue_count: number;
  uploaded_at: Date;
}

const toRow = (r: Row): RecordingCaptionRow => ({
  recordingId: r.recording_id,
  language: r.language,
  publicKey: r.public_key,
  cueCount: r.cue_count,
  uploadedAt: isoTimestamp(r.uploaded_at),
});

/** Adds or replaces the captions of one language. */
export async function upsertRecordingCaption(
  db: Queryable,
  input: { recordingId: string; language: CaptionLanguage; publicKey: string; cueCount: number },
): Promise<RecordingCaptionRow> {
  const { rows } = await db.query<Row>(
    `insert into recording_captions (recording_id, language, public_key, cue_count) values ($1, $2, $3, $4)
     on conflict (recording_id, language) do update
       set public_key = excluded.public_key, cue_count = excluded.cue_count, uploaded_at = now()
     returning *`,
    [input.recordingId, input.language, input.publicKey, input.cueCount],
  );
  return toRow(rows[0]!);
}

export async function listRecordingCaptions(
  db: Queryable,
  recordingId: string,
): Promise<RecordingCaptionRow[]> {
  const { rows } = await db.query<Row>(
    'select * from recording_captions where recording_id = $1 order by language',
    [recordingId],
  );
  return rows.map(toRow);
}

/** Every recording's captions, by recording id, for the archive and for lists. */
export async function listAllRecordingCaptions(db: Queryable): Promise<Map<string, RecordingCaptionRow[]>> {
  const { rows } = await db.query<Row>('select * from recording_captions order by recording_id, language');
  const byRecording = new Map<string, RecordingCaptionRow[]>();
  for (const r of rows)
    byRecording.set(r.recording_id, [...(byRecording.get(r.recording_id) ?? []), toRow(r)]);
  return byRecording;
}

export async function deleteRecordingCaption(
  db: Queryable,
  recordingId: string,
  language: CaptionLanguage,
): Promise<string | null> {
  const { rows } = await db.query<{ public_key: string }>(
    'delete from recording_captions where recording_id = $1 and language = $2 returning public_key',
    [recordingId, language],
  );
  return rows[0]?.public_key ?? null;
}

/** Replays online since before `publishedBefore` (their caption deadline passed) with no captions at all. */
export async function countRecordingsPastCaptionDeadline(
  db: Queryable,
  publishedBefore: Date,
): Promise<number> {
  const { rows } = await db.query<{ count: string | number }>(
    `select count(*) as count from recordings r
      where r.state in ('quick_published', 'published') and r.publication = 'public' and r.published_at < $1
        and not exists (select 1 from recording_captions c where c.recording_id = r.id)`,
    [publishedBefore],
  );
  return Number(rows[0]?.count ?? 0);
}
