import type { QuestionRecord } from './question.ts';

/** One chapter of a replay: the moment a question was taken up, until the next one. */
export interface QuestionChapter {
  questionId: string;
  startSeconds: number;
  endSeconds: number;
  /** The question text on one line, never who asked it. */
  title: string;
}

export type ChapterSkipReason = 'never_highlighted' | 'before_recording' | 'after_recording';

export interface QuestionChapters {
  chapters: QuestionChapter[];
  skipped: Array<{ questionId: string; reason: ChapterSkipReason }>;
}

/** How long the last chapter lasts when the recording's length is not known. */
const LAST_CHAPTER_FALLBACK_SECONDS = 60;

/**
 * The title a chapter shows: the text on one line. Chapters are published with the replay and
 * stay public after the registrant data is deleted, so they never name the asker.
 */
export function chapterTitle(question: Pick<QuestionRecord, 'text'>): string {
  return question.text.replace(/\s+/g, ' ').trim();
}

/**
 * The chapters of a replay from the answered questions: each starts when its
 * question was highlighted, counted from when the recorded media starts, and
 * ends where the next begins (the last at the end of the recording). Questions
 * answered without being highlighted, or highlighted outside the recording, are
 * listed as skipped with the reason.
 */
export function buildQuestionChapters(
  questions: ReadonlyArray<Pick<QuestionRecord, 'id' | 'status' | 'text' | 'highlightedAt'>>,
  sourceStartedAt: string,
  durationSeconds: number | null,
): QuestionChapters {
  const origin = Date.parse(sourceStartedAt);
  const skipped: QuestionChapters['skipped'] = [];
  const starts: Array<{ questionId: string; startSeconds: number; title: string }> = [];
  for (const question of questions) {
    if (question.status !== 'answered') continue;
    if (!question.highlightedAt) {
      skipped.push({ questionId: question.id, reason: 'never_highlighted' });
      continue;
    }
    const offset = (Date.parse(question.highlightedAt) - origin) / 1000;
    if (offset < 0) skipped.push({ questionId: question.id, reason: 'before_recording' });
    else if (durationSeconds !== null && offset >= durationSeconds)
      skipped.push({ questionId: question.id, reason: 'after_recording' });
    else starts.push({ questionId: question.id, startSeconds: offset, title: chapterTitle(question) });
  }
  starts.sort((a, b) => a.startSeconds - b.startSeconds || (a.questionId < b.questionId ? -1 : 1));
  // Cues of a chapter track must not overlap: equal starts are moved apart by a millisecond.
  for (let i = 1; i < starts.length; i++)
    if (starts[i]!.startSeconds <= starts[i - 1]!.startSeconds)
      starts[i]!.startSeconds = starts[i - 1]!.startSeconds + 0.001;
  const chapters = starts.map((start, i) => {
    const next = starts[i + 1];
    const end = next
      ? next.startSeconds
      : durationSeconds !== null && durationSeconds > start.startSeconds
        ? durationSeconds
        : start.startSeconds + LAST_CHAPTER_FALLBACK_SECONDS;
    return { ...start, startSeconds: round3(start.startSeconds), endSeconds: round3(end) };
  });
  return { chapters, skipped };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
