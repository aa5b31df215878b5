import { MAX_TRIM_CUTS, recordingStates, timeRangeSchema } from '@folkemote/domain';
import { z } from 'zod';

const range = timeRangeSchema.meta({
  description: 'Seconds of the raw source: from `start` up to (not including) `end`',
});

/** The trim an organiser asks for: the ranges to cut out of the raw source. An empty list restores the original. */
export const recordingTrimBody = z
  .object({ cuts: z.array(range).max(MAX_TRIM_CUTS) })
  .strict()
  .meta({
    id: 'RecordingTrim',
    examples: [
      {
        cuts: [
          { start: 0, end: 312.48 },
          { start: 1805.2, end: 1864 },
        ],
      },
    ],
  });
export type RecordingTrimInput = z.input<typeof recordingTrimBody>;

/** A recording's trim as its organisers see it, with what the editor needs to show the current version. */
export const recordingTrimSchema = z
  .object({
    recordingId: z.string(),
    title: z.string(),
    state: z.enum(recordingStates),
    /** Whether a trim may be asked for now: the recording is processed and no trim is under way. */
    editable: z.boolean(),
    /** The raw source's length: the times of `cuts` are in it. */
    sourceDurationSeconds: z.number().nullable(),
    /** The cuts asked for last (in source seconds); empty when never trimmed or restored. */
    cuts: z.array(range),
    /** The cuts of the version public now: the player, sprite, captions and chapters are in its times. */
    appliedCuts: z.array(range),
    /** The current version's master playlist, which the organiser's browser can play; null before one is made. */
    previewUrl: z.string().nullable(),
    /** The current version's seek sprite index (WebVTT pointing into sprite.jpg); null without one. */
    spriteUrl: z.string().nullable(),
  })
  .meta({ id: 'RecordingTrimView' });
export type RecordingTrimView = z.output<typeof recordingTrimSchema>;
