import type { RecordingCaptionRow, RecordingRow } from '@folkemote/db';
import { captionsDueBy, isPlayable, type RecordingView } from '@folkemote/domain';
import { publicKeys } from '@folkemote/storage';

export function toRecordingView(
  row: RecordingRow,
  publicBaseUrl: string,
  captions: RecordingCaptionRow[] = [],
): RecordingView {
  const publishedAt = row.publishedAt ? new Date(row.publishedAt).toISOString() : null;
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    failureReason: row.failureReason,
    progress: row.progress,
    durationSeconds: row.durationSeconds,
    replayUrl: isPlayable(row.state) ? `${publicBaseUrl}/${publicKeys.replayPage(row.id)}` : null,
    event: row.eventSlug && row.eventTitle ? { slug: row.eventSlug, title: row.eventTitle } : null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    publishedAt,
    captions: captions.map((c) => c.language),
    captionsDueBy: captions.length === 0 && publishedAt ? captionsDueBy(publishedAt) : null,
  };
}
