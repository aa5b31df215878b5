import type { RecordingPublication } from '@folkemote/domain';
import type { Queryable } from '../database.ts';

/**
 * Sets whether a recording is on the public site. Publishing dates it (the caption deadline counts
 * from when it went online); returns the publication it had before, or null for a missing recording.
 */
export async function setRecordingPublication(
  db: Queryable,
  id: string,
  publication: RecordingPublication,
): Promise<RecordingPublication | null> {
  const { rows } = await db.query<{ before: RecordingPublication }>(
    `update recordings r set publication = $2,
       published_at = case when $2 = 'public' and old.publication <> 'public' then now() else r.published_at end,
       updated_at = now()
     from recordings old where old.id = r.id and r.id = $1
     returning old.publication as before`,
    [id, publication],
  );
  return rows[0]?.before ?? null;
}

/** A new title for a recording; false for a missing one. */
export async function renameRecording(db: Queryable, id: string, title: string): Promise<boolean> {
  const { rows } = await db.query(
    'update recordings set title = $2, updated_at = now() where id = $1 returning id',
    [id, title],
  );
  return rows.length > 0;
}

/** Deletes a recording's row; its versions, captions and chapters go with it (on delete cascade). */
export async function deleteRecordingRow(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('delete from recordings where id = $1 returning id', [id]);
  return rows.length > 0;
}

/** Whether the event publishes its recordings as soon as they are processed. */
export async function setEventAutoPublish(
  db: Queryable,
  eventId: string,
  autoPublish: boolean,
): Promise<void> {
  await db.query('update events set auto_publish = $2, updated_at = now() where id = $1', [
    eventId,
    autoPublish,
  ]);
}

/** The event's auto-publish option; null for a missing event. */
export async function findEventAutoPublish(db: Queryable, eventId: string): Promise<boolean | null> {
  const { rows } = await db.query<{ autoPublish: boolean }>(
    'select auto_publish as "autoPublish" from events where id = $1',
    [eventId],
  );
  return rows[0]?.autoPublish ?? null;
}
