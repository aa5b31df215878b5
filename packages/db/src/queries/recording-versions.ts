import type { TranscodeManifest } from '@folkemote/domain';
import type { Queryable } from '../database.ts';

export type VersionKind = 'quick' | 'full';
export type VersionState = 'uploading' | 'verified' | 'public' | 'retired';
/** Made by our ffmpeg and uploaded under a prefix of its own, or a broadcast's closed stream, used as it is. */
export type VersionSource = 'transcode' | 'broadcast';

export interface VersionRow {
  id: string;
  recordingId: string;
  kind: VersionKind;
  source: VersionSource;
  state: VersionState;
  prefix: string;
  manifest: TranscodeManifest | null;
  createdAt: Date;
}

const select = `select id, recording_id as "recordingId", kind, source, state, prefix, manifest, created_at as "createdAt"
  from recording_versions`;

/**
 * The version a retried job should continue: one of this kind that never went
 * public. Reusing it (and its prefix) means a re-run publishes nothing twice.
 */
export async function findResumableVersion(
  db: Queryable,
  recordingId: string,
  kind: VersionKind,
): Promise<VersionRow | null> {
  const { rows } = await db.query<VersionRow>(
    `${select} where recording_id = $1 and kind = $2 and source = 'transcode' and state in ('uploading', 'verified')
     order by created_at desc limit 1`,
    [recordingId, kind],
  );
  return rows[0] ?? null;
}

export async function insertVersion(
  db: Queryable,
  input: { id: string; recordingId: string; kind: VersionKind; prefix: string },
): Promise<VersionRow> {
  await db.query('insert into recording_versions (id, recording_id, kind, prefix) values ($1, $2, $3, $4)', [
    input.id,
    input.recordingId,
    input.kind,
    input.prefix,
  ]);
  return (await findVersion(db, input.id))!;
}

export async function findVersion(db: Queryable, id: string): Promise<VersionRow | null> {
  const { rows } = await db.query<VersionRow>(`${select} where id = $1`, [id]);
  return rows[0] ?? null;
}

export async function markVersionVerified(
  db: Queryable,
  id: string,
  manifest: TranscodeManifest,
): Promise<void> {
  await db.query(`update recording_versions set state = 'verified', manifest = $2 where id = $1`, [
    id,
    JSON.stringify(manifest),
  ]);
}

/**
 * A broadcast's closed stream registered as its recording's quick version: verified from the start
 * (its playlists were read), under the stream's own prefix. Made once; a retried quick step gets
 * the same row back.
 */
export async function ensureBroadcastVersion(
  db: Queryable,
  input: { id: string; recordingId: string; prefix: string; manifest: TranscodeManifest },
): Promise<VersionRow> {
  const { rows } = await db.query<{ id: string }>(
    `select id from recording_versions where recording_id = $1 and source = 'broadcast' limit 1`,
    [input.recordingId],
  );
  if (rows[0]) return (await findVersion(db, rows[0].id))!;
  await db.query(
    `insert into recording_versions (id, recording_id, kind, source, state, prefix, manifest)
     values ($1, $2, 'quick', 'broadcast', 'verified', $3, $4)`,
    [input.id, input.recordingId, input.prefix, JSON.stringify(input.manifest)],
  );
  return (await findVersion(db, input.id))!;
}

/** Makes `id` the recording's public version and retires the one before it, atomically. */
export async function makeVersionPublic(db: Queryable, recordingId: string, id: string): Promise<void> {
  await db.query(
    `update recording_versions set state = 'retired' where recording_id = $1 and state = 'public' and id <> $2`,
    [recordingId, id],
  );
  await db.query(`update recording_versions set state = 'public' where id = $1`, [id]);
  await db.query('update recordings set published_version_id = $2, updated_at = now() where id = $1', [
    recordingId,
    id,
  ]);
}
