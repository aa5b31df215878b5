import {
  findEventRecordingForChapters,
  findRecordingEdits,
  listQuestions,
  saveReplayChapters,
} from '@folkemote/db';
import { buildQuestionChapters, mapRange, type QuestionChapters } from '@folkemote/domain';
import { renderChaptersVtt } from '@folkemote/site';
import { contentHash, publicKeys, putObject } from '@folkemote/storage';
import type { ApiDeps } from '../api-deps.ts';
import { QuestionError } from './question-error.ts';

export interface PublishedChapters extends QuestionChapters {
  recordingId: string;
  /** The chapter track's URL in the public bucket; null when no question made a chapter. */
  chaptersUrl: string | null;
}

/**
 * Publishes the answered questions as chapters of the event's recording: each
 * starts when its question was highlighted, counted from when the recorded
 * media starts (`source_started_at`). The WebVTT file goes to the public bucket
 * under a content-hashed name, and the replay pages are rewritten to offer it
 * (now, when the replay is public; otherwise when it is published). Publishing
 * again replaces the chapters. On a trimmed recording they are placed on the trimmed timeline.
 */
export async function publishQuestionChapters(
  deps: Pick<ApiDeps, 'db' | 's3' | 's3Settings' | 'queues'>,
  eventId: string,
  recordingId?: string,
): Promise<PublishedChapters> {
  const recording = await findEventRecordingForChapters(deps.db, eventId, recordingId);
  if (!recording)
    throw new QuestionError(
      recordingId ? 404 : 409,
      'no_recording',
      recordingId ? 'No recording with that id belongs to this event' : 'The event has no recording yet',
    );
  if (!recording.sourceStartedAt)
    throw new QuestionError(
      409,
      'recording_start_unknown',
      'The recording does not say when its media starts (it was not recorded in the live room), so questions cannot be placed on its timeline; no chapters were published',
    );
  const built = buildQuestionChapters(
    await listQuestions(deps.db, eventId),
    recording.sourceStartedAt,
    recording.durationSeconds,
  );
  // A trimmed recording: the chapters move with its cuts (those inside a cut go).
  const applied = (await findRecordingEdits(deps.db, recording.id))?.appliedCuts ?? [];
  if (applied.length > 0)
    built.chapters = built.chapters.flatMap((c) => {
      const r = mapRange(applied, { start: c.startSeconds, end: c.endSeconds });
      return r ? [{ ...c, startSeconds: r.start, endSeconds: r.end }] : [];
    });
  let publicKey: string | null = null;
  if (built.chapters.length > 0) {
    const vtt = renderChaptersVtt(built.chapters);
    publicKey = publicKeys.chapters(recording.id, contentHash(vtt));
    await putObject(deps.s3, { bucket: deps.s3Settings.publicBucket, key: publicKey, body: vtt });
  }
  await saveReplayChapters(deps.db, {
    recordingId: recording.id,
    eventId,
    chapters: built.chapters,
    publicKey,
    now: new Date(),
  });
  await deps.queues.enqueue('replay.refresh', { recordingId: recording.id });
  return {
    recordingId: recording.id,
    ...built,
    chaptersUrl: publicKey ? `${deps.s3Settings.publicBaseUrl}/${publicKey}` : null,
  };
}
