import {
  audioDescriptionModes,
  captionKinds,
  captionLanguages,
  captionStatuses,
  MAX_CUE_CHARS,
} from '@folkemote/domain';
import { z } from 'zod';

/** The longest recording a cue may point into: 24 hours. */
const MAX_TIME_MS = 24 * 3600 * 1000;
/** The most cues the editor may save at once; a day of speech at one cue a second is far fewer. */
export const MAX_EDITOR_CUES = 20_000;

export const captionKindQuery = z.object({
  kind: z
    .enum(captionKinds, `must be one of ${captionKinds.join(', ')}`)
    .default('captions')
    .meta({ description: 'captions (default) or descriptions (a WebVTT description track, WCAG 1.2.5)' }),
});

export const cueSchema = z
  .object({
    startMs: z.number().int().min(0).max(MAX_TIME_MS),
    endMs: z.number().int().min(1).max(MAX_TIME_MS),
    text: z
      .string()
      .max(MAX_CUE_CHARS, `at most ${MAX_CUE_CHARS} characters`)
      .refine((t) => t.trim().length > 0, 'must not be empty'),
  })
  .refine((c) => c.endMs > c.startMs, { message: 'must end after it starts', path: ['endMs'] })
  .meta({ id: 'CaptionCue' });

/** The cues of one track, parsed, for the caption editor. */
export const captionCuesSchema = z
  .object({
    language: z.enum(captionLanguages),
    kind: z.enum(captionKinds),
    status: z.enum(captionStatuses),
    cues: z.array(z.object({ startMs: z.number(), endMs: z.number(), text: z.string() })),
  })
  .meta({ id: 'CaptionCues' });
export type CaptionCuesView = z.output<typeof captionCuesSchema>;

export const saveCuesBodySchema = z
  .object({
    cues: z
      .array(cueSchema)
      .min(1, 'at least one cue')
      .max(MAX_EDITOR_CUES, `at most ${MAX_EDITOR_CUES} cues`),
  })
  .strict()
  .meta({
    id: 'SaveCaptionCues',
    examples: [
      {
        cues: [
          { startMs: 500, endMs: 3200, text: 'Velkommen til webinaret om Trygge lokalsamfunn.' },
          { startMs: 3400, endMs: 6800, text: 'Først litt om modellen,\nså spørsmål til slutt.' },
        ],
      },
    ],
  });
export type SaveCuesBody = z.input<typeof saveCuesBodySchema>;

export const audioDescriptionBodySchema = z
  .object({ mode: z.enum(audioDescriptionModes).nullable() })
  .strict()
  .meta({ id: 'AudioDescriptionMode', examples: [{ mode: 'said_aloud' }] });
export type AudioDescriptionBody = z.input<typeof audioDescriptionBodySchema>;
export const audioDescriptionSchema = z.object({ mode: z.enum(audioDescriptionModes).nullable() });
