import { type Locale, locales, type PublicEvent } from '@folkemote/domain';
import { z } from 'zod';

/** One published version of a recording; every path is relative to the version prefix. */
export interface VersionInput {
  id: string;
  /**
   * Where the version's files are, relative to the site's root and ending with `/`: its own prefix
   * (`replays/<id>/v/<version>/`, the default) or a broadcast's closed stream (`replays/<id>/live/`).
   */
  prefix?: string;
  /** The master playlist, e.g. `master.m3u8`. */
  master: string;
  poster: string | null;
  /** Pixel size of the poster; oEmbed only names a thumbnail when its size is known. */
  posterSize?: { width: number; height: number } | null;
  /** The file to download; null for a quick version, whose download comes with the full one. */
  download: { file: string; contentType: string; bytes: number } | null;
  sprite: { vtt: string } | null;
  hasVideo: boolean;
  /** Display size of the top rendition; the player reserves this aspect ratio before loading. */
  width?: number | null;
  height?: number | null;
}

export interface ReplayInput {
  /** The public base URL of the bucket, without a trailing slash. */
  baseUrl: string;
  /** The page language when the recording has no event; an event's own language wins. */
  locale: Locale;
  /** Shown in headers, titles and feeds; defaults to the product name. */
  siteName?: string;
  recording: { id: string; title: string; durationSeconds: number; publishedAt: string };
  event: PublicEvent | null;
  version: VersionInput;
  /** Caption tracks of the recording (added after publishing, so not part of a version); `path` is the key in the bucket. */
  captions: Array<{ srclang: string; label: string; path: string; kind?: 'captions' | 'descriptions' }>;
  /** How audio description (WCAG 1.2.5) is met; 'said_aloud' shows a statement on the replay page. */
  audioDescription?: 'said_aloud' | 'track' | null;
  /** Chapters from the answered questions, when the organiser has published them; `path` is the WebVTT file's key. */
  chapters?: {
    path: string;
    items: Array<{ startSeconds: number; endSeconds: number; title: string }>;
    /** Some were made by hand (not only answered questions): headed as chapters, not questions. */
    byHand?: boolean;
  } | null;
  /**
   * The approved captions of one language, as text: the page shows them as its transcript and the
   * search index holds their words. Absent or null: no transcript.
   */
  transcript?: TranscriptInput | null;
}

export interface TranscriptInput {
  /** The captions' language (a caption language code, e.g. `nb`). */
  language: string;
  cues: Array<{ startSeconds: number; endSeconds: number; text: string }>;
}

export interface ArchiveInput {
  baseUrl: string;
  locale: Locale;
  siteName?: string;
  items: ReplayInput[];
}

export interface OembedOptions {
  maxwidth?: number;
  maxheight?: number;
}

export interface SiteAsset {
  name: string;
  body: Buffer | string;
  contentType: string;
}

// Ids and paths end up inside URLs and attributes; restricting them here means no URL in a page
// can point anywhere but under the public base URL.
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be letters, digits, "-" or "_" (at most 128)');
const relativePathSchema = z
  .string()
  .regex(
    /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9_-][A-Za-z0-9._/-]{0,255}$/,
    'must be a relative path of letters, digits, ".", "_", "-" and "/" without "." or ".." segments',
  );
export const baseUrlSchema = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL without query or fragment')
  .refine((value) => !value.endsWith('/'), 'must not end with "/"');
const languageTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag');
const isoDateSchema = z.iso.datetime({ offset: true });

export const eventSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: isoDateSchema,
  endsAt: isoDateSchema,
  language: z.enum(locales),
  organisation: z.object({ slug: z.string(), name: z.string() }),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
});

const versionSchema = z.object({
  id: idSchema,
  prefix: z
    .string()
    .regex(
      /^replays\/[A-Za-z0-9_-]+\/(?:v\/[A-Za-z0-9_-]+|live)\/$/,
      'must be replays/<id>/v/<version>/ or replays/<id>/live/',
    )
    .optional(),
  master: relativePathSchema,
  poster: relativePathSchema.nullable(),
  posterSize: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).nullish(),
  download: z
    .object({
      file: relativePathSchema,
      contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'must be a MIME type like video/mp4'),
      bytes: z.number().int().nonnegative(),
    })
    .nullable(),
  sprite: z.object({ vtt: relativePathSchema }).nullable(),
  hasVideo: z.boolean(),
  width: z.number().int().positive().nullish(),
  height: z.number().int().positive().nullish(),
});

export const replayInputSchema = z
  .object({
    baseUrl: baseUrlSchema,
    locale: z.enum(locales),
    siteName: z.string().min(1).max(200).optional(),
    recording: z.object({
      id: idSchema,
      title: z.string().min(1).max(500),
      durationSeconds: z.number().nonnegative(),
      publishedAt: isoDateSchema,
    }),
    event: eventSchema.nullable(),
    version: versionSchema,
    captions: z.array(
      z.object({
        srclang: languageTagSchema,
        label: z.string().min(1),
        path: relativePathSchema,
        kind: z.enum(['captions', 'descriptions']).optional(),
      }),
    ),
    audioDescription: z.enum(['said_aloud', 'track']).nullish(),
    chapters: z
      .object({
        path: relativePathSchema,
        items: z.array(
          z.object({
            startSeconds: z.number().nonnegative(),
            endSeconds: z.number().nonnegative(),
            title: z.string().min(1).max(1000),
          }),
        ),
      })
      .nullish(),
    transcript: z
      .object({
        language: languageTagSchema,
        cues: z
          .array(
            z.object({
              startSeconds: z.number().nonnegative(),
              endSeconds: z.number().nonnegative(),
              text: z.string().max(1000),
            }),
          )
          .max(50_000),
      })
      .nullish(),
  })
  .refine(
    (input) => !input.version.prefix || input.version.prefix.startsWith(`replays/${input.recording.id}/`),
    {
      message: "must be under the recording's own address",
      path: ['version', 'prefix'],
    },
  );

export const archiveInputSchema = z.object({
  baseUrl: baseUrlSchema,
  locale: z.enum(locales),
  siteName: z.string().min(1).max(200).optional(),
  items: z.array(replayInputSchema),
});

export function describeIssues(what: string, error: z.ZodError): Error {
  const lines = error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return new Error(`invalid ${what}:\n${lines.join('\n')}`);
}

/** Checks a replay input before anything is rendered from it; throws listing every bad field. */
export function parseReplayInput(input: ReplayInput): ReplayInput {
  const result = replayInputSchema.safeParse(input);
  if (!result.success) throw describeIssues('replay input', result.error);
  return input;
}

export function parseArchiveInput(input: ArchiveInput): ArchiveInput {
  const result = archiveInputSchema.safeParse(input);
  if (!result.success) throw describeIssues('archive input', result.error);
  return input;
}
