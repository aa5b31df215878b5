import type { RecordingCaptionRow, RecordingRow } from '@folkemote/db';
import {
  type AudioDescriptionMode,
  accessibilityStatus,
  captionsDueBy,
  classifyRecordingFailure,
  isProgressStalled,
  isPubliclyVisible,
  type PublicRecordingView,
  type RecordingView,
} from '@folkemote/domain';
import { publicKeys } from '@folkemote/storage';

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
const replayUrlOf = (row: RecordingRow, publicBaseUrl: string) =>
  `${publicBaseUrl}/${publicKeys.replayPage(row.id)}`;

/**
 * The master playlist of the recording's current version as its organisers' browser plays it: through
 * the API, which checks who asks (a held version is in no public place).
 */
export function previewUrlOf(
  row: Pick<RecordingRow, 'id' | 'publishedVersionId' | 'versionMaster'>,
): string | null {
  if (!row.publishedVersionId || !row.versionMaster) return null;
  return previewFileUrl(row.id, row.publishedVersionId, row.versionMaster);
}

/** A file of a version (its master playlist, sprite index) through the organisers' preview route. */
export function previewFileUrl(recordingId: string, versionId: string, name: string): string {
  return `/api/recordings/${recordingId}/preview/${versionId}/${name}`;
}

/** A recording as its own organisation's organisers see it: every state, with progress and failures. */
export function toRecordingView(
  row: RecordingRow,
  publicBaseUrl: string,
  captions: RecordingCaptionRow[] = [],
  now = new Date(),
  audioDescription: AudioDescriptionMode | null = null,
): RecordingView {
  const publishedAt = iso(row.publishedAt);
  // Only approved captions count, for the public and for the 14-day deadline.
  const approved = captions.filter((c) => c.kind === 'captions' && c.status === 'approved');
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    publication: row.publication,
    failureReason: row.failureReason,
    failure: row.failureReason ? classifyRecordingFailure(row.failureReason) : null,
    progress: row.progress,
    stalled: isProgressStalled(row.state, row.progress, new Date(row.updatedAt), now),
    durationSeconds: row.durationSeconds,
    replayUrl: isPubliclyVisible(row.state, row.publication) ? replayUrlOf(row, publicBaseUrl) : null,
    previewUrl: previewUrlOf(row),
    autoPublish: row.eventAutoPublish,
    event: row.eventSlug && row.eventTitle ? { slug: row.eventSlug, title: row.eventTitle } : null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    publishedAt,
    captions: approved.map((c) => c.language),
    captionsDueBy: approved.length === 0 && publishedAt ? captionsDueBy(publishedAt) : null,
    tracks: captions.map((c) => ({ kind: c.kind, language: c.language, status: c.status })),
    audioDescription,
    accessibility: accessibilityStatus(captions, audioDescription),
  };
}

/** A playable recording as the public sees it (see maySeeRecording): what its replay page shows. */
export function toPublicRecordingView(
  row: RecordingRow & { state: PublicRecordingView['state'] },
  publicBaseUrl: string,
  captions: RecordingCaptionRow[] = [],
): PublicRecordingView {
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    durationSeconds: row.durationSeconds,
    replayUrl: replayUrlOf(row, publicBaseUrl),
    // A draft event's title is not public yet, even when its recording is.
    event:
      row.eventPublic && row.eventSlug && row.eventTitle
        ? { slug: row.eventSlug, title: row.eventTitle }
        : null,
    publishedAt: iso(row.publishedAt),
    captions: captions.filter((c) => c.kind === 'captions' && c.status === 'approved').map((c) => c.language),
  };
}
