import type { ManualChapter } from '@folkemote/domain';
import type { Database, Queryable } from '../database.ts';

/** The chapters an organiser made by hand for a recording, in order. */
export async function listManualChapters(db: Queryable, recordingId: string): Promise<ManualChapter[]> {
  const { rows } = await db.query<{ startSeconds: number; title: string }>(
    `select start_seconds as "startSeconds", title from recording_chapters
      where recording_id = $1 order by start_seconds`,
    [recordingId],
  );
  return rows.map((r) => ({ startSeconds: Number(r.startSeconds), title: r.title }));
}

/** Replaces a recording's hand-made chapters with these, in one transaction. */
export async function replaceManualChapters(
  db: Pick<Database, 'transaction'>,
  recordingId: string,
  chapters: readonly ManualChapter[],
): Promise<void> {
  await db.transaction((tx) => writeManualChapters(tx, recordingId, chapters));
}

/** Replaces a recording's chapters made by hand, in the caller's transaction. */
export async function writeManualChapters(
  tx: Queryable,
  recordingId: string,
  chapters: readonly ManualChapter[],
): Promise<void> {
  await tx.query('delete from recording_chapters where recording_id = $1', [recordingId]);
  for (const chapter of chapters)
    await tx.query(
      'insert into recording_chapters (recording_id, start_seconds, title) values ($1, $2, $3)',
      [recordingId, chapter.startSeconds, chapter.title],
    );
}
