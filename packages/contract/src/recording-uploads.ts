import { z } from 'zod';

/**
 * The media types a browser may declare for a recording upload. The declared type decides
 * nothing about the file (ingest goes by its content); it only refuses what is plainly no recording.
 */
export const recordingUploadTypes = [
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'video/x-matroska',
  'video/mp2t',
  'video/ogg',
  'audio/mp4',
  'audio/mpeg',
  'audio/wav',
  'audio/x-wav',
  'audio/wave',
  'audio/ogg',
  'audio/webm',
  'audio/flac',
  'audio/aac',
  'application/octet-stream',
] as const;

/** The most parts S3 takes in one multipart upload. */
export const MAX_UPLOAD_PARTS = 10_000;

/** POST /api/recording-uploads: what the browser knows of the file before sending it. */
export const recordingUploadInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(3, 'must be at least 3 characters')
      .max(200, 'must be at most 200 characters'),
    event: z.string().min(1).max(200).optional(),
    /** Only to find the upload again when the same file is picked after a reload. */
    fileName: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
    fileSize: z.number().int('must be a whole number').positive('must be more than 0 bytes'),
    fileModified: z.number().int().nonnegative(),
    contentType: z.enum(recordingUploadTypes, 'is not a recording’s media type'),
  })
  .meta({
    id: 'NewRecordingUpload',
    examples: [
      {
        title: 'Kommunestyret 12. mars',
        event: 'kommunestyret-mars',
        fileName: 'kommunestyret-2026-03-12.mp4',
        fileSize: 2_147_483_648,
        fileModified: 1_773_300_000_000,
        contentType: 'video/mp4',
      },
    ],
  });

const uploadedPartSchema = z.object({ partNumber: z.number(), size: z.number() });

export const recordingUploadSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    event: z.string().nullable(),
    fileName: z.string(),
    fileSize: z.number(),
    fileModified: z.number(),
    partSize: z.number(),
    partCount: z.number(),
    state: z.enum(['active', 'completing', 'completed', 'aborted']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RecordingUpload' });
export type RecordingUploadView = z.output<typeof recordingUploadSchema>;

export const recordingUploadListSchema = z
  .object({ uploads: z.array(recordingUploadSchema) })
  .meta({ id: 'RecordingUploadList' });

/** POST /api/recording-uploads/{id}/part-urls */
export const partUrlsInputSchema = z
  .object({
    partNumbers: z
      .array(z.number().int().min(1).max(MAX_UPLOAD_PARTS))
      .min(1, 'must name at least one part')
      .max(16, 'at most 16 parts at once'),
  })
  .meta({ id: 'PartUrlsRequest', examples: [{ partNumbers: [4, 5, 6] }] });

export const partUrlsSchema = z
  .object({
    urls: z.array(z.object({ partNumber: z.number(), url: z.string() })),
    expiresAt: z.string(),
  })
  .meta({ id: 'PartUrls' });

/** GET /api/recording-uploads/{id}/parts: what the store holds, to resume without sending it again. */
export const uploadedPartsSchema = z
  .object({ parts: z.array(uploadedPartSchema) })
  .meta({ id: 'UploadedParts' });
