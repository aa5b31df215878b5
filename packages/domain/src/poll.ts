import { z } from 'zod';
import type { EventRole } from './event-role.ts';
import { noControlChars } from './no-control-chars.ts';

/**
 * A poll of an event's audience. Staff prepare it (draft), open it live (one at
 * a time) and close it; each registrant answers once. Counts live on the poll,
 * so they stay when who answered is deleted with the registrants' data.
 */
export const pollStatuses = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof pollStatuses)[number];

/** Who sees the counts: everyone in the room, or staff only. */
export const pollResultsVisibilities = ['everyone', 'staff'] as const;
export type PollResultsVisibility = (typeof pollResultsVisibilities)[number];

export const POLL_QUESTION_MAX_LENGTH = 300;
export const POLL_OPTION_MAX_LENGTH = 200;
export const POLL_MAX_OPTIONS = 10;

export interface PollRecord {
  id: string;
  eventId: string;
  question: string;
  multiple: boolean;
  resultsVisibility: PollResultsVisibility;
  status: PollStatus;
  options: Array<{ text: string; votes: number }>;
  /** How many people answered. */
  answerCount: number;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
}

/** A poll as one viewer sees it: counts are null where the viewer may not see them. */
export interface PollView {
  id: string;
  question: string;
  multiple: boolean;
  resultsVisibility: PollResultsVisibility;
  status: PollStatus;
  options: Array<{ text: string; votes: number | null }>;
  answerCount: number | null;
  openedAt: string | null;
  closedAt: string | null;
}

/** Hosts and moderators prepare, open and close polls; presenters see the results as staff do. */
export function canManagePolls(role: EventRole): boolean {
  return role === 'host' || role === 'moderator';
}

function isPollStaff(role: EventRole): boolean {
  return role !== 'attendee';
}

/** Whether the viewer sees the poll at all: staff every poll, the audience once it has been opened. */
export function seesPoll(poll: Pick<PollRecord, 'status'>, role: EventRole): boolean {
  return isPollStaff(role) || poll.status !== 'draft';
}

/** Whether the viewer sees the poll's counts. */
export function seesPollResults(poll: Pick<PollRecord, 'resultsVisibility'>, role: EventRole): boolean {
  return isPollStaff(role) || poll.resultsVisibility === 'everyone';
}

export function viewPoll(poll: PollRecord, role: EventRole): PollView | null {
  if (!seesPoll(poll, role)) return null;
  const results = seesPollResults(poll, role);
  return {
    id: poll.id,
    question: poll.question,
    multiple: poll.multiple,
    resultsVisibility: poll.resultsVisibility,
    status: poll.status,
    options: poll.options.map((o) => ({ text: o.text, votes: results ? o.votes : null })),
    answerCount: results ? poll.answerCount : null,
    openedAt: poll.openedAt,
    closedAt: poll.closedAt,
  };
}

/** Why an answer cannot be taken, or null when it can. */
export function pollAnswerProblem(
  poll: Pick<PollRecord, 'status' | 'multiple' | 'options'>,
  choices: readonly number[],
): 'poll_not_open' | 'one_choice_only' | 'no_such_choice' | null {
  if (poll.status !== 'open') return 'poll_not_open';
  if (!poll.multiple && choices.length !== 1) return 'one_choice_only';
  if (choices.some((c) => c >= poll.options.length)) return 'no_such_choice';
  return null;
}

const text = (max: number) =>
  z
    .string('must be text')
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(noControlChars, 'must not contain control characters');

export const pollInputSchema = z.strictObject({
  question: text(POLL_QUESTION_MAX_LENGTH),
  options: z
    .array(text(POLL_OPTION_MAX_LENGTH), 'must be a list of choices')
    .min(2, 'must offer at least 2 choices')
    .max(POLL_MAX_OPTIONS, `must offer at most ${POLL_MAX_OPTIONS} choices`)
    .refine((o) => new Set(o.map((x) => x.toLowerCase())).size === o.length, 'must not repeat a choice'),
  multiple: z.boolean('must be true or false').default(false),
  resultsVisibility: z.enum(pollResultsVisibilities, 'must be everyone or staff').default('everyone'),
});
export type PollInput = z.infer<typeof pollInputSchema>;

export const pollPatchSchema = z.strictObject({
  status: z.enum(['open', 'closed'], 'must be open or closed'),
});
export type PollPatch = z.infer<typeof pollPatchSchema>;

export const pollAnswerSchema = z.strictObject({
  choices: z
    .array(z.int('must be choice numbers').min(0, 'must be choice numbers'), 'must be a list of choices')
    .min(1, 'must pick at least one choice')
    .max(POLL_MAX_OPTIONS, `must pick at most ${POLL_MAX_OPTIONS} choices`)
    .refine((c) => new Set(c).size === c.length, 'must not repeat a choice'),
});
export type PollAnswer = z.infer<typeof pollAnswerSchema>;
