import { z } from 'zod';
import { noControlChars } from './no-control-chars.ts';

/** A chapter an organiser made by hand: where it starts in the recording, and its title. */
export const manualChapterSchema = z.object({
  startSeconds: z
    .number('must be a number of seconds')
    .finite()
    .min(0, 'must not be before the start')
    .max(24 * 3600, 'must be within 24 hours'),
  title: z
    .string('must be text')
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .refine((t) => noControlChars(t) && !/[\n\r\t]/.test(t), 'must be one line without control characters'),
});
export type ManualChapter = z.output<typeof manualChapterSchema>;

export const manualChaptersSchema = z
  .array(manualChapterSchema)
  .max(100, 'at most 100 chapters')
  .refine(
    (chapters) => new Set(chapters.map((c) => Math.round(c.startSeconds * 1000))).size === chapters.length,
    'two chapters start at the same moment',
  );

/** How long the last chapter lasts when the recording's length is not known. */
const LAST_CHAPTER_FALLBACK_SECONDS = 60;

/**
 * The replay's chapters: those from answered questions and those made by hand, in order of their
 * start, each ending where the next begins (the last at the end of the recording). Chapters
 * that start at or after the end of the recording are left out; equal starts are a millisecond apart,
 * as cues of a chapter track must not overlap.
 */
export function mergeChapters(
  fromQuestions: ReadonlyArray<{ startSeconds: number; title: string }>,
  byHand: readonly ManualChapter[],
  durationSeconds: number | null,
): Array<{ startSeconds: number; endSeconds: number; title: string }> {
  const starts = [...fromQuestions, ...byHand]
    .map((c) => ({ startSeconds: c.startSeconds, title: c.title.replace(/\s+/g, ' ').trim() }))
    .filter((c) => durationSeconds === null || c.startSeconds < durationSeconds)
    .sort((a, b) => a.startSeconds - b.startSeconds || (a.title < b.title ? -1 : 1));
  for (let i = 1; i < starts.length; i++)
    if (starts[i]!.startSeconds <= starts[i - 1]!.startSeconds)
      starts[i]!.startSeconds = starts[i - 1]!.startSeconds + 0.001;
  return starts.map((start, i) => {
    const next = starts[i + 1];
    const end = next
      ? next.startSeconds
      : durationSeconds !== null && durationSeconds > start.startSeconds
        ? durationSeconds
        : start.startSeconds + LAST_CHAPTER_FALLBACK_SECONDS;
    return { title: start.title, startSeconds: round3(start.startSeconds), endSeconds: round3(end) };
  });
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
