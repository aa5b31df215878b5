import {
  audioDescriptionModes,
  captionKinds,
  captionLanguages,
  captionStatuses,
  manualChaptersSchema,
  noControlChars,
  progressSchema,
  recordingPublications,
  recordingStates,
} from '@folkemote/domain';
import { z } from 'zod';

const eventRef = z.object({ slug: z.string(), title: z.string() });

/** Why a recording failed, as a code and its numbers (see classifyRecordingFailure). */
const recordingFailureSchema = z.union([
  z.object({
    code: z.enum([
      'not_media',
      'still_image',
      'playlist',
      'truncated',
      'unfinished',
      'empty',
      'missing',
      'unreadable',
      'no_streams',
      'zero_duration',
      'no_picture_size',
      'audio_unmeasurable',
      'recording_aborted',
      'recording_limit',
      'other',
    ]),
  }),
  z.object({ code: z.literal('format_refused'), format: z.string() }),
  z.object({ code: z.literal('processing_failed'), attempts: z.number() }),
]);

const criterionStatus = z.enum(['met', 'draft', 'missing']);

/** The tracker's fields (WCAG 1.2.2 and 1.2.5): every track with its status, and how 1.2.5 is met. */
function captionTrackerFields() {
  return {
    tracks: z.array(
      z.object({
        kind: z.enum(captionKinds),
        language: z.enum(captionLanguages),
        status: z.enum(captionStatuses),
      }),
    ),
    audioDescription: z.enum(audioDescriptionModes).nullable(),
    accessibility: z.object({ captions: criterionStatus, audioDescription: criterionStatus }),
  };
}

/** A recording as its own organisation's organisers see it: every state, with progress and failures. */
export const recordingViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    state: z.enum(recordingStates),
    publication: z.enum(recordingPublications),
    failureReason: z.string().nullable(),
    failure: recordingFailureSchema.nullable(),
    progress: progressSchema.nullable(),
    stalled: z.boolean(),
    durationSeconds: z.number().nullable(),
    replayUrl: z.string().nullable(),
    previewUrl: z.string().nullable(),
    autoPublish: z.boolean().nullable(),
    event: eventRef.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    captions: z.array(z.enum(captionLanguages)),
    captionsDueBy: z.string().nullable(),
    ...captionTrackerFields(),
  })
  .meta({ id: 'Recording' });
export type RecordingView = z.output<typeof recordingViewSchema>;

/** A published replay as anyone may see it: what its public page shows. */
export const publicRecordingViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    state: z.enum(['quick_published', 'published']),
    durationSeconds: z.number().nullable(),
    replayUrl: z.string(),
    event: eventRef.nullable(),
    publishedAt: z.string().nullable(),
    captions: z.array(z.enum(captionLanguages)),
  })
  .meta({ id: 'PublicRecording' });
export type PublicRecordingView = z.output<typeof publicRecordingViewSchema>;

/** The organiser's view first: a public view lacks its fields, so it never passes as one. */
export const anyRecordingViewSchema = z.union([recordingViewSchema, publicRecordingViewSchema]);

/** A room recording that ended without a file, with LiveKit's reason. */
export const failedLiveRecordingSchema = z
  .object({
    egressId: z.string().nullable(),
    event: eventRef,
    status: z.enum(['failed', 'aborted', 'limit_reached']),
    error: z.string().nullable(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'FailedLiveRecording' });
export type FailedLiveRecording = z.output<typeof failedLiveRecordingSchema>;

export const recordingListSchema = z
  .object({
    recordings: z.array(anyRecordingViewSchema),
    liveRecordingFailures: z.array(failedLiveRecordingSchema),
  })
  .meta({ id: 'RecordingList' });

export const recordingRetrySchema = z.object({ status: z.literal('retrying') });

/** A recording's captions (or description track) in one language; the public sees approved ones only. */
export const captionSchema = z
  .object({
    language: z.enum(captionLanguages),
    kind: z.enum(captionKinds),
    status: z.enum(captionStatuses),
    label: z.string(),
    cueCount: z.number(),
    uploadedAt: z.string(),
    /** The public file; null for a draft, whose file is private until approved. */
    url: z.string().nullable(),
  })
  .meta({ id: 'Caption' });
export type CaptionView = z.output<typeof captionSchema>;

export const captionListSchema = z.object({ captions: z.array(captionSchema) });
export const recordingLanguageParams = z.object({ id: z.string(), language: z.string() });

/** Review, publication and deletion of one recording (organisers of its organisation only). */
export const recordingPublicationSchema = z
  .object({ id: z.string(), publication: z.enum(recordingPublications) })
  .meta({ id: 'RecordingPublication' });
export const recordingRenameBodySchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'The title must not be empty')
      .max(200, 'The title must be at most 200 characters')
      .refine(
        (t) => noControlChars(t) && !/[\t\n\r]/.test(t),
        'The title must be one line without control characters',
      ),
  })
  .meta({ id: 'RecordingRename', examples: [{ title: 'Kommuneplanmøtet 2027' }] });
export const recordingRenamedSchema = z.object({ id: z.string(), title: z.string() });
export const recordingDeletedSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
  objects: z.number(),
});
/** A version's file (`name`), or a file (`inner`) in one of its folders (`name`: a rendition). */
export const recordingPreviewParams = z.object({ id: z.string(), versionId: z.string(), name: z.string() });
export const recordingPreviewNestedParams = recordingPreviewParams.extend({ inner: z.string() });
export const eventAutoPublishBodySchema = z
  .object({ autoPublish: z.boolean() })
  .meta({ id: 'EventAutoPublish', examples: [{ autoPublish: true }] });
export const eventAutoPublishSchema = z.object({ autoPublish: z.boolean() });

/** A recording's chapters: those made by hand (editable) and those from answered questions (published from the Q&A). */
const chapterSchema = z.object({ startSeconds: z.number(), title: z.string() });
export const recordingChaptersSchema = z
  .object({ chapters: z.array(chapterSchema), fromQuestions: z.array(chapterSchema) })
  .meta({ id: 'RecordingChapters' });
export const recordingChaptersBodySchema = z.object({ chapters: manualChaptersSchema }).meta({
  id: 'RecordingManualChapters',
  examples: [
    {
      chapters: [
        { startSeconds: 0, title: 'Velkommen' },
        { startSeconds: 754.5, title: 'Modellen Trygge lokalsamfunn' },
      ],
    },
  ],
});
