import type { Queryable } from '../database.ts';
import { isoTimestamp } from './timestamps.ts';

export type RecordingUploadState = 'active' | 'completing' | 'completed' | 'aborted';

/** A browser's multipart upload of a recording into the raw bucket (migration 0027). */
export interface RecordingUploadRow {
  id: string;
  organisationId: string;
  eventId: string | null;
  eventSlug: string | null;
  ownerKind: 'account' | 'token';
  ownerId: string;
  title: string;
  fileName: string;
  fileSize: number;
  fileModified: number;
  contentType: string;
  partSize: number;
  partCount: number;
  objectKey: string;
  s3UploadId: string;
  state: RecordingUploadState;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  organisation_id: string;
  event_id: string | null;
  event_slug: string | null;
  owner_kind: 'account' | 'token';
  owner_id: string;
  title: string;
  file_name: string;
  file_size: string | number;
  file_modified: string | number;
  content_type: string;
  part_size: string | number;
  part_count: number;
  object_key: string;
  s3_upload_id: string;
  state: RecordingUploadState;
  created_at: Date | string;
  updated_at: Date | string;
}

const toRow = (r: Row): RecordingUploadRow => ({
  id: r.id,
  organisationId: r.organisation_id,
  eventId: r.event_id,
  eventSlug: r.event_slug,
  ownerKind: r.owner_kind,
  ownerId: r.owner_id,
  title: r.title,
  fileName: r.file_name,
  fileSize: Number(r.file_size),
  fileModified: Number(r.file_modified),
  contentType: r.content_type,
  partSize: Number(r.part_size),
  partCount: r.part_count,
  objectKey: r.object_key,
  s3UploadId: r.s3_upload_id,
  state: r.state,
  createdAt: isoTimestamp(r.created_at),
  updatedAt: isoTimestamp(r.updated_at),
});

const select = `select u.*, e.slug as event_slug from recording_uploads u left join events e on e.id = u.event_id`;

export async function insertRecordingUpload(
  db: Queryable,
  input: Omit<RecordingUploadRow, 'eventSlug' | 'state' | 'createdAt' | 'updatedAt'>,
): Promise<RecordingUploadRow> {
  await db.query(
    `insert into recording_uploads (id, organisation_id, event_id, owner_kind, owner_id, title, file_name,
       file_size, file_modified, content_type, part_size, part_count, object_key, s3_upload_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      input.id,
      input.organisationId,
      input.eventId,
      input.ownerKind,
      input.ownerId,
      input.title,
      input.fileName,
      input.fileSize,
      input.fileModified,
      input.contentType,
      input.partSize,
      input.partCount,
      input.objectKey,
      input.s3UploadId,
    ],
  );
  return (await findRecordingUpload(db, input.id))!;
}

export async function findRecordingUpload(db: Queryable, id: string): Promise<RecordingUploadRow | null> {
  const { rows } = await db.query<Row>(`${select} where u.id = $1`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** The owner's uploads still open (to resume after a reload), newest first. */
export async function listOpenRecordingUploads(
  db: Queryable,
  owner: { organisationId: string; ownerId: string },
): Promise<RecordingUploadRow[]> {
  const { rows } = await db.query<Row>(
    `${select} where u.organisation_id = $1 and u.owner_id = $2 and u.state = 'active' order by u.created_at desc`,
    [owner.organisationId, owner.ownerId],
  );
  return rows.map(toRow);
}

/** Moves an upload from one state to another; false when it was no longer in `from`. */
export async function moveRecordingUpload(
  db: Queryable,
  id: string,
  from: RecordingUploadState,
  to: RecordingUploadState,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `update recording_uploads set state = $3, updated_at = now() where id = $1 and state = $2 returning id`,
    [id, from, to],
  );
  return rows.length === 1;
}

/** Marks the upload as alive (a part was signed), so the sweep leaves it. */
export async function touchRecordingUpload(db: Queryable, id: string): Promise<void> {
  await db.query(`update recording_uploads set updated_at = now() where id = $1 and state = 'active'`, [id]);
}

/** Uploads left open (or stuck completing) with nothing done for longer than `idleMs`. */
export async function listStaleRecordingUploads(
  db: Queryable,
  idleMs: number,
): Promise<RecordingUploadRow[]> {
  const { rows } = await db.query<Row>(
    `${select} where u.state in ('active', 'completing')
       and u.updated_at < now() - make_interval(secs => $1::double precision / 1000)
     order by u.updated_at limit 100`,
    [idleMs],
  );
  return rows.map(toRow);
}
