import {
  pollAnswerSchema,
  pollInputSchema,
  pollPatchSchema,
  pollResultsVisibilities,
  pollStatuses,
} from '@folkemote/domain';
import { z } from 'zod';

/** A poll as one viewer sees it: counts are null where the viewer may not see them. */
export const pollViewSchema = z
  .object({
    id: z.string(),
    question: z.string(),
    multiple: z.boolean(),
    resultsVisibility: z.enum(pollResultsVisibilities),
    status: z.enum(pollStatuses),
    options: z.array(z.object({ text: z.string(), votes: z.number().nullable() })),
    answerCount: z.number().nullable(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'PollView' });

export const pollInputBody = pollInputSchema.meta({
  id: 'Poll',
  examples: [
    {
      question: 'Hvilken dag passer best for neste møte?',
      options: ['Tirsdag', 'Torsdag'],
      multiple: false,
      resultsVisibility: 'everyone',
    },
  ],
});
export const pollPatchBody = pollPatchSchema.meta({ id: 'PollPatch', examples: [{ status: 'open' }] });
export const pollAnswerBody = pollAnswerSchema.meta({ id: 'PollAnswer', examples: [{ choices: [1] }] });

export const pollListQuery = z.object({
  format: z.enum(['json', 'csv'], 'must be "json" or "csv"').optional(),
});
export const pollListSchema = z.object({ polls: z.array(pollViewSchema) }).meta({ id: 'PollList' });
const lastEventId = z.number().int().describe('The stream id of the last change this made');
export const pollChangedSchema = z.object({ poll: pollViewSchema, lastEventId });
export const pollAnsweredSchema = z.object({
  poll: pollViewSchema,
  choices: z.array(z.number()),
  lastEventId,
});
