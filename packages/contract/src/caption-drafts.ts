import { z } from 'zod';

/** A request for draft captions from speech recognition, and how far it has come. */
export const captionDraftSchema = z
  .object({
    /** The event's language, which the engine is told; never detected. */
    language: z.enum(['nb', 'nn', 'en']),
    engine: z.enum(['whisper', 'pocketsphinx']),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    /** 0–100, from the engine's position in the sound. */
    percent: z.number().min(0).max(100),
    cueCount: z.number().int().nullable(),
    /** Why it failed (English), null otherwise. */
    failure: z.string().nullable(),
    requestedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaptionDraft' });
export type CaptionDraftView = z.output<typeof captionDraftSchema>;

/** Whether drafts from speech can be made here, and the recording's latest request. */
export const captionDraftStatusSchema = z
  .object({
    engine: z.enum(['none', 'whisper', 'pocketsphinx']),
    draft: captionDraftSchema.nullable(),
  })
  .meta({ id: 'CaptionDraftStatus' });
export type CaptionDraftStatus = z.output<typeof captionDraftStatusSchema>;
