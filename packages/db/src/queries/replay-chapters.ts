import type { QuestionChapter } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

export interface ReplayChapters {
  chapters: QuestionChapter[];
  /** The chapters' WebVTT file in the public bucket; null when there are no chapters. */
  publicKey: string | null;
  publishedAt: string;
}

/** Saves the chapters to publish with a recording's replay, replacing any published before. */
export async function saveReplayChapters(
  db: Queryable,
  input: {
    recordingId: string;
    eventId: string;
    chapters: QuestionChapter[];
    publicKey: string | null;
    now: Date;
  },
): Promise<void> {
  await db.query(
    `insert into replay_chapters (recording_id, event_id, chapters, public_key, published_at)
     values ($1, $2, $3::jsonb, $4, $5)
     on conflict (recording_id) do update set chapters = excluded.chapters, public_key = excluded.public_key,
       published_at = excluded.published_at`,
    [input.recordingId, input.eventId, JSON.stringify(input.chapters), input.publicKey, input.now],
  );
}

/** The chapters published with a recording's replay; null when none were. */
export async function findReplayChapters(db: Queryable, recordingId: string): Promise<ReplayChapters | null> {
  const { rows } = await db.query<{
    chapters: QuestionChapter[];
    public_key: string | null;
    published_at: Date;
  }>('select chapters, public_key, published_at from replay_chapters where recording_id = $1', [recordingId]);
  const r = rows[0];
  return r
    ? { chapters: r.chapters, publicKey: r.public_key, publishedAt: isoTimestamp(r.published_at) }
    : null;
}

export interface ChapterRecording {
  id: string;
  title: string;
  state: string;
  sourceStartedAt: string | null;
  durationSeconds: number | null;
}

/** The event's recording to put chapters on: the one asked for, or its newest. */
export async function findEventRecordingForChapters(
  db: Queryable,
  eventId: string,
  recordingId?: string,
): Promise<ChapterRecording | null> {
  const { rows } = await db.query<{
    id: string;
    title: string;
    state: string;
    source_started_at: Date | null;
    duration_seconds: number | null;
  }>(
    `select id, title, state, source_started_at, duration_seconds from recordings
     where event_id = $1 and ($2::uuid is null or id = $2::uuid) order by created_at desc, id limit 1`,
    [eventId, recordingId ?? null],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    title: r.title,
    state: r.state,
    sourceStartedAt: isoOrNull(r.source_started_at),
    durationSeconds: r.duration_seconds,
  };
}
