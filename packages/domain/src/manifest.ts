import { z } from 'zod';

/** What a transcode produced, written as manifest.json beside master.m3u8. */
export const loudnessSchema = z.object({
  integratedLufs: z.number(),
  truePeakDbtp: z.number(),
  lraLu: z.number(),
});
export type Loudness = z.infer<typeof loudnessSchema>;

export const renditionSchema = z.object({
  name: z.string(), // '1080p' | '720p' | '480p' | '360p' | 'audio'
  kind: z.enum(['video', 'audio']),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  frameRate: z.number().positive().optional(),
  bandwidth: z.number().int().positive(),
  averageBandwidth: z.number().int().positive(),
  codecs: z.string(),
  /** Path of the media playlist relative to the output directory. */
  playlist: z.string(),
  copied: z.boolean(),
});
export type Rendition = z.infer<typeof renditionSchema>;

export const transcodeManifestSchema = z.object({
  version: z.literal(1),
  kind: z.enum(['quick', 'full']),
  durationSeconds: z.number().nonnegative(),
  hasVideo: z.boolean(),
  hasAudio: z.boolean(),
  master: z.string(),
  renditions: z.array(renditionSchema),
  copiedRendition: z.string().nullable(),
  poster: z.string().nullable(),
  sprite: z
    .object({ image: z.string(), vtt: z.string(), columns: z.number().int(), intervalSeconds: z.number() })
    .nullable(),
  /** The progressive MP4 (or M4A) to download; null for a quick version, whose download comes with the full one. */
  download: z
    .object({ file: z.string(), contentType: z.string(), bytes: z.number().int().nonnegative() })
    .nullable(),
  loudness: z
    .object({
      before: loudnessSchema,
      after: loudnessSchema.nullable(),
      targetLufs: z.number(),
      truePeakDbtp: z.number(),
    })
    .nullable(),
  /** Every file the transcode wrote, relative to the output directory. */
  files: z.array(z.string()),
});
export type TranscodeManifest = z.infer<typeof transcodeManifestSchema>;
