import {
  POLL_OPTION_MAX_LENGTH,
  POLL_QUESTION_MAX_LENGTH,
  type PollInput,
  type PollResultsVisibility,
  pollInputSchema,
} from '@folkemote/domain';
import type { PollMessages } from '../i18n/poll-messages.ts';

/** The choices typed one per line: trimmed, blank lines dropped. */
export function readPollOptions(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export interface PollFormValues {
  question: string;
  /** The choices as typed, one per line. */
  options: string;
  multiple: boolean;
  resultsVisibility: PollResultsVisibility;
}

export type PollFormProblems = { question?: string; options?: string };

/**
 * The poll form checked by the domain's own rules (`pollInputSchema`), so the page refuses what the
 * API would: the input to send, or each field's first problem in the viewer's language.
 */
export function readPollForm(
  values: PollFormValues,
  m: PollMessages['manage'],
): { input: PollInput; problems: null } | { input: null; problems: PollFormProblems } {
  const parsed = pollInputSchema.safeParse({ ...values, options: readPollOptions(values.options) });
  if (parsed.success) return { input: parsed.data, problems: null };
  const problems: PollFormProblems = {};
  for (const issue of parsed.error.issues) {
    const [field, index] = issue.path;
    if (field === 'question') problems.question ??= questionProblem(issue.code, m);
    else if (field === 'options') problems.options ??= optionsProblem(issue.code, index, m);
  }
  return { input: null, problems };
}

function questionProblem(code: string, m: PollMessages['manage']): string {
  if (code === 'too_big') return m.questionTooLong(POLL_QUESTION_MAX_LENGTH);
  return code === 'custom' ? m.controlChars : m.needQuestion;
}

/** A problem of one choice (`index` set) or of the list as a whole. */
function optionsProblem(code: string, index: PropertyKey | undefined, m: PollMessages['manage']): string {
  if (typeof index !== 'number') return m.needOptions;
  if (code === 'too_big') return m.optionTooLong(index + 1, POLL_OPTION_MAX_LENGTH);
  return code === 'custom' ? m.controlChars : m.needOptions;
}
