import { z } from 'zod';
import type { EventRole } from './event-role.ts';
import { noControlChars } from './no-control-chars.ts';

/**
 * Where a question is in the moderated queue. `merged` is where a duplicate ends:
 * its votes now count on the question it was merged into.
 */
export const questionStatuses = [
  'pending',
  'live',
  'highlighted',
  'answered',
  'dismissed',
  'merged',
] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** The states a moderator can set with PATCH (merged is reached only by merging). */
export const settableQuestionStatuses = ['pending', 'live', 'highlighted', 'answered', 'dismissed'] as const;
export type SettableQuestionStatus = (typeof settableQuestionStatuses)[number];

export const questionSorts = ['popular', 'recent'] as const;
export type QuestionSort = (typeof questionSorts)[number];

export const QUESTION_MAX_LENGTH = 500;
export const ANSWER_MAX_LENGTH = 2000;

/** The Q&A settings of one event. */
export interface QaSettings {
  /** New questions wait for a moderator (pending) before the audience sees them. */
  preModeration: boolean;
  /** Questions are asked throughout, but the presenter sees them only once the Q&A has started. */
  questionsAtEnd: boolean;
  qaStarted: boolean;
  qaStartedAt: string | null;
  /** Registrants may ask from registration on, before the room goes live. */
  questionsBeforeStart: boolean;
  /** The order the views start in. */
  sort: QuestionSort;
}

export const defaultQaSettings: QaSettings = {
  preModeration: true,
  questionsAtEnd: false,
  qaStarted: false,
  qaStartedAt: null,
  questionsBeforeStart: false,
  sort: 'popular',
};

/** A question as stored, with the asker's name looked up (null once the registrant's data is deleted). */
export interface QuestionRecord {
  id: string;
  eventId: string;
  registrationId: string | null;
  authorName: string | null;
  status: QuestionStatus;
  text: string;
  /** The text as asked, kept when a moderator edits it; null while unedited and once the asker's data is deleted. */
  originalText: string | null;
  anonymous: boolean;
  pinned: boolean;
  answer: string | null;
  votes: number;
  /** The status a dismissed question had before, so restoring can put it back. */
  dismissedFrom: QuestionStatus | null;
  mergedInto: string | null;
  createdAt: string;
  editedAt: string | null;
  highlightedAt: string | null;
  answeredAt: string | null;
}

/**
 * A question as one viewer sees it. Staff (host, presenter, moderator) see every
 * field; attendees get `author: null` for anonymous questions and never the
 * original text or dismissal details of an edited or dismissed question.
 */
export interface QuestionView {
  id: string;
  status: QuestionStatus;
  text: string;
  anonymous: boolean;
  /** The asker's name; null when anonymous (for attendees) or when the registrant's data is deleted. */
  author: { name: string } | null;
  /** The viewer asked it. */
  mine: boolean;
  votes: number;
  /** The viewer has voted for it. */
  myVote: boolean;
  pinned: boolean;
  answer: string | null;
  edited: boolean;
  createdAt: string;
  highlightedAt: string | null;
  answeredAt: string | null;
  mergedInto: string | null;
  /** Staff only: the text as asked, when a moderator has edited it. */
  originalText?: string | null;
  /** Staff only: the status a dismissed question had, where restoring puts it. */
  dismissedFrom?: QuestionStatus | null;
}

/** Who is looking: the role decides what is shown, the registration id which questions are one's own. */
export interface QuestionViewer {
  role: EventRole;
  registrationId: string | null;
}

/**
 * Every change in an event's Q&A, as recorded in its change log. `deleted`: the
 * question went with its asker's data; only its id is left.
 */
export const questionChangeKinds = [
  'asked',
  'voted',
  'unvoted',
  'status',
  'edited',
  'pinned',
  'unpinned',
  'answer',
  'merged',
  'merge_target',
  'settings',
  'deleted',
  'poll',
  'poll_answered',
] as const;
export type QuestionChangeKind = (typeof questionChangeKinds)[number];

const questionText = z
  .string('must be text')
  .trim()
  .min(1, 'must not be empty')
  .max(QUESTION_MAX_LENGTH, `must be at most ${QUESTION_MAX_LENGTH} characters`)
  .refine(noControlChars, 'must not contain control characters');

export const questionInputSchema = z.strictObject({
  text: questionText,
  anonymous: z.boolean('must be true or false').default(false),
});
export type QuestionInput = z.infer<typeof questionInputSchema>;

export const questionPatchSchema = z
  .strictObject({
    status: z.enum(settableQuestionStatuses, 'must be pending, live, highlighted, answered or dismissed'),
    text: questionText,
    pinned: z.boolean('must be true or false'),
    answer: z
      .string('must be text or null')
      .trim()
      .max(ANSWER_MAX_LENGTH, `must be at most ${ANSWER_MAX_LENGTH} characters`)
      .refine(noControlChars, 'must not contain control characters')
      .nullable(),
  })
  .partial()
  .refine(
    (patch) => Object.keys(patch).length > 0,
    'must change at least one of status, text, pinned, answer',
  );
export type QuestionPatch = z.infer<typeof questionPatchSchema>;

export const questionMergeSchema = z.strictObject({
  into: z.uuid('must be the id of the question to merge into'),
});

export const questionBulkSchema = z.strictObject({
  ids: z
    .array(z.uuid('must be question ids'))
    .min(1, 'must name at least one question')
    .max(200, 'must name at most 200 questions'),
  // One question at a time is highlighted, so a bulk change cannot highlight.
  status: z.enum(
    ['pending', 'live', 'answered', 'dismissed'],
    'must be pending, live, answered or dismissed',
  ),
});

export const qaSettingsPatchSchema = z
  .strictObject({
    preModeration: z.boolean('must be true or false'),
    questionsAtEnd: z.boolean('must be true or false'),
    qaStarted: z.boolean('must be true or false'),
    questionsBeforeStart: z.boolean('must be true or false'),
    sort: z.enum(questionSorts, 'must be popular or recent'),
  })
  .partial()
  .refine(
    (patch) => Object.keys(patch).length > 0,
    'must change at least one of preModeration, questionsAtEnd, qaStarted, questionsBeforeStart, sort',
  );
export type QaSettingsPatch = z.infer<typeof qaSettingsPatchSchema>;

export const chaptersPublishSchema = z.strictObject({
  recordingId: z.uuid('must be the id of a recording of this event').optional(),
});
