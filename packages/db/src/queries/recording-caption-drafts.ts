import type { Queryable } from '../database.ts';
import { isoTimestamp } from './timestamps.ts';

export type CaptionDraftState = 'queued' | 'running' | 'done' | 'failed';
export type CaptionDraftLanguage = 'nb' | 'nn' | 'en';

/** A request for draft captions from speech, and how far it has come. */
export interface CaptionDraftRow {
  recordingId: string;
  language: CaptionDraftLanguage;
  engine: 'whisper' | 'pocketsphinx';
  state: CaptionDraftState;
  percent: number;
  cueCount: number | null;
  /** Why it failed (an English sentence without personal data), null otherwise. */
  failure: string | null;
  requestedAt: string;
  updatedAt: string;
}

interface Row {
  recording_id: string;
  language: CaptionDraftLanguage;
  engine: 'whisper' | 'pocketsphinx';
  state: CaptionDraftState;
  percent: number;
  cue_count: number | null;
  failure: string | null;
  requested_at: Date;
  updated_at: Date;
}

const toRow = (r: Row): CaptionDraftRow => ({
  recordingId: r.recording_id,
  language: r.language,
  engine: r.engine,
  state: r.state,
  percent: Number(r.percent),
  cueCount: r.cue_count,
  failure: r.failure,
  requestedAt: isoTimestamp(r.requested_at),
  updatedAt: isoTimestamp(r.updated_at),
});

/** Asks for a draft (again): queued at 0 %, whatever an earlier request came to. */
export async function requestCaptionDraft(
  db: Queryable,
  input: { recordingId: string; language: CaptionDraftLanguage; engine: 'whisper' | 'pocketsphinx' },
): Promise<CaptionDraftRow> {
  const { rows } = await db.query<Row>(
    `insert into recording_caption_drafts (recording_id, language, engine, state) values ($1, $2, $3, 'queued')
     on conflict (recording_id) do update
       set language = excluded.language, engine = excluded.engine, state = 'queued', percent = 0,
           cue_count = null, failure = null, requested_at = now(), updated_at = now()
     returning *`,
    [input.recordingId, input.language, input.engine],
  );
  return toRow(rows[0]!);
}

export async function findCaptionDraft(db: Queryable, recordingId: string): Promise<CaptionDraftRow | null> {
  const { rows } = await db.query<Row>('select * from recording_caption_drafts where recording_id = $1', [
    recordingId,
  ]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Moves a draft request on: running with its percent, done with its cue count, or failed with the reason. */
export async function updateCaptionDraft(
  db: Queryable,
  recordingId: string,
  change: { state: CaptionDraftState; percent: number; cueCount?: number | null; failure?: string | null },
): Promise<void> {
  await db.query(
    `update recording_caption_drafts
        set state = $2, percent = $3, cue_count = $4, failure = $5, updated_at = now()
      where recording_id = $1`,
    [recordingId, change.state, change.percent, change.cueCount ?? null, change.failure ?? null],
  );
}

/**
 * Keeps a draft caption file (its key in the raw bucket). An approved caption of the language is
 * never replaced by a draft: returns false and changes nothing then.
 */
export async function saveDraftCaption(
  db: Queryable,
  input: { recordingId: string; language: CaptionDraftLanguage; rawKey: string; cueCount: number },
): Promise<boolean> {
  const { rows } = await db.query<{ recording_id: string }>(
    `insert into recording_captions (recording_id, kind, language, public_key, cue_count, status)
     values ($1, 'captions', $2, $3, $4, 'draft')
     on conflict (recording_id, kind, language) do update
       set public_key = excluded.public_key, cue_count = excluded.cue_count, uploaded_at = now()
       where recording_captions.status = 'draft'
     returning recording_id`,
    [input.recordingId, input.language, input.rawKey, input.cueCount],
  );
  return rows.length > 0;
}
