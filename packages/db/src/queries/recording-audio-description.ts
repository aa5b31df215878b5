import type { AudioDescriptionMode } from '@folkemote/domain';
import type { Queryable } from '../database.ts';

/** How the recording meets audio description (WCAG 1.2.5); null when not recorded yet. */
export async function findRecordingAudioDescription(
  db: Queryable,
  recordingId: string,
): Promise<AudioDescriptionMode | null> {
  const { rows } = await db.query<{ audio_description: AudioDescriptionMode | null }>(
    'select audio_description from recordings where id = $1',
    [recordingId],
  );
  return rows[0]?.audio_description ?? null;
}

/** Every recording's mode that has one, by recording id, for lists and the archive. */
export async function listRecordingAudioDescriptions(
  db: Queryable,
): Promise<Map<string, AudioDescriptionMode>> {
  const { rows } = await db.query<{ id: string; audio_description: AudioDescriptionMode }>(
    'select id, audio_description from recordings where audio_description is not null',
  );
  return new Map(rows.map((r) => [r.id, r.audio_description]));
}

export async function setRecordingAudioDescription(
  db: Queryable,
  recordingId: string,
  mode: AudioDescriptionMode | null,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    'update recordings set audio_description = $2 where id = $1 returning id',
    [recordingId, mode],
  );
  return rows.length > 0;
}
