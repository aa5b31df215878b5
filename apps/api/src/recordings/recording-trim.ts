import type { RecordingTrimView } from '@folkemote/contract';
import { findRecordingEdits, findVersion, type RecordingRow, saveRequestedCuts } from '@folkemote/db';
import { normaliseCuts, type TimeRange } from '@folkemote/domain';
import { previewFileUrl } from '@folkemote/pipeline';
import type { ApiDeps } from '../api-deps.ts';

/** A trim may be asked for once the full version is public and while no trim or transcode runs. */
export const mayTrim = (recording: Pick<RecordingRow, 'state' | 'durationSeconds'>) =>
  recording.state === 'published' && recording.durationSeconds !== null;

/** The recording's trim with the preview addresses of its current version (master playlist and seek sprite). */
export async function recordingTrimView(
  deps: Pick<ApiDeps, 'db' | 's3Settings'>,
  recording: RecordingRow,
): Promise<RecordingTrimView> {
  const edits = await findRecordingEdits(deps.db, recording.id);
  const version = recording.publishedVersionId
    ? await findVersion(deps.db, recording.publishedVersionId)
    : null;
  const manifest = version?.manifest ?? null;
  // Played through the organiser's preview route, so a held recording can be trimmed too.
  const preview = (name: string) => (version ? previewFileUrl(recording.id, version.id, name) : null);
  return {
    recordingId: recording.id,
    title: recording.title,
    state: recording.state,
    editable: mayTrim(recording),
    sourceDurationSeconds: recording.durationSeconds,
    cuts: edits?.cuts ?? [],
    appliedCuts: edits?.appliedCuts ?? [],
    previewUrl: manifest ? preview(manifest.master) : null,
    spriteUrl: manifest?.sprite ? preview(manifest.sprite.vtt) : null,
  };
}

/**
 * Stores the organiser's cuts and enqueues the trim (ids only). The cuts are checked against the
 * source's length first (a TrimError names the first problem), so a refused trim changes nothing.
 */
export async function requestTrim(
  deps: Pick<ApiDeps, 'db' | 'queues'>,
  recording: RecordingRow & { durationSeconds: number },
  cuts: readonly TimeRange[],
): Promise<void> {
  const normalised = normaliseCuts(cuts, recording.durationSeconds);
  await saveRequestedCuts(deps.db, recording.id, normalised);
  await deps.queues.enqueue('recording.trim', { recordingId: recording.id });
}
