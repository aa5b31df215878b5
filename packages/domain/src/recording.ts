import { z } from 'zod';
import type {
  AccessibilityStatus,
  AudioDescriptionMode,
  CaptionKind,
  CaptionStatus,
} from './caption-status.ts';
import type { CaptionLanguage } from './captions.ts';
import type { PublicEvent } from './event.ts';
import type { Progress } from './progress.ts';
import type { RecordingFailure } from './recording-failure.ts';
import type { RecordingPublication } from './recording-publication.ts';
import type { RecordingState } from './recording-state.ts';

export const recordingIdSchema = z.uuid();

/** What GET /api/recordings returns for each recording. */
export interface RecordingView {
  id: string;
  title: string;
  state: RecordingState;
  /** Whether organisers let it onto the public site: held for review, public, or unpublished again. */
  publication: RecordingPublication;
  /** The worker's reason in English, as stored: for logs, the CLI and API clients. */
  failureReason: string | null;
  /** The same as a code and its numbers, for an interface to say in its own language. */
  failure: RecordingFailure | null;
  progress: Progress | null;
  /** The progress has not moved for much longer than its stage ever goes quiet (see isProgressStalled). */
  stalled: boolean;
  durationSeconds: number | null;
  /** The public replay page, once something is playable. */
  replayUrl: string | null;
  /** The current version's master playlist for its organisers to play (held or public), through the API. */
  previewUrl: string | null;
  /** Whether its event publishes recordings as soon as they are processed; null without an event. */
  autoPublish: boolean | null;
  event: Pick<PublicEvent, 'slug' | 'title'> | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** Languages the recording has approved captions in. */
  captions: CaptionLanguage[];
  /** While a published recording has no approved captions: when they are due (WCAG 1.2.2, as a rule 14 days). */
  captionsDueBy: string | null;
  /** Every caption and description track, drafts too. */
  tracks: Array<{ kind: CaptionKind; language: CaptionLanguage; status: CaptionStatus }>;
  /** How audio description (1.2.5) is met, as the organiser recorded it. */
  audioDescription: AudioDescriptionMode | null;
  /** The tracker: 1.2.2 and 1.2.5. */
  accessibility: AccessibilityStatus;
}

/**
 * What anyone may know of a recording without signing in: a published replay, with the facts
 * its public page shows. Organisers of other organisations see other recordings this way too.
 */
export interface PublicRecordingView {
  id: string;
  title: string;
  state: 'quick_published' | 'published';
  durationSeconds: number | null;
  replayUrl: string;
  /** The event, when its page is public. */
  event: Pick<PublicEvent, 'slug' | 'title'> | null;
  publishedAt: string | null;
  captions: CaptionLanguage[];
}
