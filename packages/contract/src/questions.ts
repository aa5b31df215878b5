import {
  chaptersPublishSchema,
  qaSettingsPatchSchema,
  questionBulkSchema,
  questionChangeKinds,
  questionInputSchema,
  questionMergeSchema,
  questionPatchSchema,
  questionSorts,
  questionStatuses,
} from '@folkemote/domain';
import { z } from 'zod';
import { pollViewSchema } from './polls.ts';

const status = z.enum(questionStatuses);

export const qaSettingsSchema = z
  .object({
    preModeration: z.boolean(),
    questionsAtEnd: z.boolean(),
    qaStarted: z.boolean(),
    qaStartedAt: z.string().nullable(),
    questionsBeforeStart: z.boolean(),
    sort: z.enum(questionSorts),
  })
  .meta({ id: 'QaSettings' });

/** A question as one viewer sees it; staff also get the text as asked and where a dismissal came from. */
export const questionViewSchema = z
  .object({
    id: z.string(),
    status,
    text: z.string(),
    anonymous: z.boolean(),
    author: z.object({ name: z.string() }).nullable(),
    mine: z.boolean(),
    votes: z.number(),
    myVote: z.boolean(),
    pinned: z.boolean(),
    answer: z.string().nullable(),
    edited: z.boolean(),
    createdAt: z.string(),
    highlightedAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
    mergedInto: z.string().nullable(),
    originalText: z.string().nullable().optional(),
    dismissedFrom: status.nullable().optional(),
  })
  .meta({ id: 'QuestionView' });

export const questionListSchema = z
  .object({
    questions: z.array(questionViewSchema),
    settings: qaSettingsSchema,
    lastEventId: z.number().int().describe('Send it as Last-Event-ID to follow on from this list'),
    hiddenUntilQaStarts: z
      .boolean()
      .describe('The presenter before the Q&A starts, with questions kept for the end: empty on purpose'),
    polls: z.array(pollViewSchema),
    myPollAnswers: z.record(z.string(), z.array(z.number())),
  })
  .meta({ id: 'QuestionList' });
export type QuestionList = z.output<typeof questionListSchema>;

export const questionListQuery = z.object({
  format: z.enum(['json', 'csv'], 'must be "json" or "csv"').optional(),
  sort: z.enum(questionSorts, 'must be popular or recent').optional(),
  lastEventId: z.string().optional(),
});

const lastEventId = z.number().int().describe('The stream id of the last change this made');
export const questionChangedSchema = z.object({ question: questionViewSchema, lastEventId });
export const questionsMergedSchema = z.object({
  question: questionViewSchema,
  merged: questionViewSchema,
  lastEventId,
});
export const questionsBulkChangedSchema = z.object({ questions: z.array(questionViewSchema), lastEventId });
export const qaSettingsChangedSchema = z.object({ settings: qaSettingsSchema, lastEventId });

export const auditQuery = z.object({
  before: z.coerce.number('must be a change number').int().positive().optional(),
  limit: z.coerce.number('must be a number').int().min(1).max(1000).default(500),
});
export const auditEntrySchema = z
  .object({
    seq: z.number(),
    at: z.string(),
    kind: z.enum(questionChangeKinds),
    questionId: z.string().nullable(),
    fromStatus: status.nullable(),
    actor: z.object({ kind: z.string(), role: z.string(), name: z.string().nullable() }),
    question: z
      .object({
        status,
        text: z.string(),
        originalText: z.string().nullable(),
        pinned: z.boolean(),
        answer: z.string().nullable(),
        votes: z.number(),
        mergedInto: z.string().nullable(),
      })
      .nullable(),
    settings: qaSettingsSchema.nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.output<typeof auditEntrySchema>;
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().nullable().describe('Ask with ?before= this for the older entries'),
});

export const questionStatsSchema = z
  .object({
    asked: z.number(),
    answered: z.number(),
    dismissed: z.number(),
    merged: z.number(),
    open: z.number(),
    votes: z.number(),
    askers: z.number().describe('People who asked at least one question'),
    voters: z.number().describe('People who voted at least once'),
  })
  .meta({ id: 'QuestionStats' });
export type QuestionStats = z.output<typeof questionStatsSchema>;

export const publishedChaptersSchema = z
  .object({
    recordingId: z.string(),
    chaptersUrl: z.string().nullable(),
    chapters: z.array(
      z.object({
        questionId: z.string(),
        startSeconds: z.number(),
        endSeconds: z.number(),
        title: z.string(),
      }),
    ),
    skipped: z.array(
      z.object({
        questionId: z.string(),
        reason: z.enum(['never_highlighted', 'before_recording', 'after_recording']),
      }),
    ),
  })
  .meta({ id: 'PublishedChapters' });

export const questionInputBody = questionInputSchema.meta({
  id: 'Question',
  examples: [{ text: 'Når blir den nye gang- og sykkelveien ferdig?', anonymous: false }],
});
export const questionPatchBody = questionPatchSchema.meta({
  id: 'QuestionPatch',
  examples: [{ status: 'highlighted', text: 'Når blir den nye gang- og sykkelveien ferdig?' }],
});
export const questionMergeBody = questionMergeSchema.meta({
  id: 'QuestionMerge',
  examples: [{ into: '6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21' }],
});
export const questionBulkBody = questionBulkSchema.meta({
  id: 'QuestionBulk',
  examples: [{ ids: ['6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21'], status: 'dismissed' }],
});
export const qaSettingsPatchBody = qaSettingsPatchSchema.meta({
  id: 'QaSettingsPatch',
  examples: [
    {
      preModeration: true,
      questionsAtEnd: true,
      qaStarted: false,
      questionsBeforeStart: true,
      sort: 'popular',
    },
  ],
});
export const chaptersPublishBody = chaptersPublishSchema.meta({
  id: 'ChaptersPublish',
  examples: [{ recordingId: '0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b' }],
});
