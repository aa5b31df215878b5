import type { TranscodeManifest } from '@folkemote/domain';
import type { Queryable } from '../database.ts';

export type VersionKind = 'quick' | 'full';
export type VersionState = 'uploading' | 'verified' | 'public' | 'retired';

export interface VersionRow {
  id: string;
  recordingId: string;
  kind: VersionKind;
  state: VersionState;
  prefix: string;
  manifest: TranscodeManifest | null;
  createdAt: Date;
}

const select = `select id, recording_id as "recordingId", kind, state, prefix, manifest, created_at as "createdAt"
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
    `${select} where recording_id = $1 and kind = $2 and state in ('uploading', 'verified')
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
