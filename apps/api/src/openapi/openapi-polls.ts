import { body, error, eventActor, idParam, type Json, ok, ref, slugParam } from './openapi-parts.ts';

const actorErrors = {
  401: error('No, an unknown or a revoked link (or not signed in)'),
  403: error('The link is for another event, the registration is not confirmed, or the role may not do this'),
};
const invalid = { 400: error('Invalid input; `fields` names each bad field') };
const pollChanged = (description: string) =>
  ok(description, {
    type: 'object',
    properties: { poll: ref('PollView'), lastEventId: { type: 'integer' } },
  });

/** Polls; their changes reach viewers as `poll` events on the Q&A stream (GET …/questions). */
export const pollOperations: Record<string, Record<string, Json>> = {
  '/api/events/{slug}/polls': {
    get: {
      summary: 'The polls the caller may see (JSON), or their results as CSV (hosts, moderators)',
      description:
        'Drafts reach staff only; the counts of a poll whose results are for staff are null for attendees. ' +
        'The CSV has one row per choice with its count, never who answered.',
      tags: ['polls'],
      security: eventActor,
      parameters: [
        slugParam,
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] } },
      ],
      responses: {
        200: ok('`{polls: PollView[]}`, or CSV'),
        ...invalid,
        ...actorErrors,
        404: error('No such event'),
      },
    },
    post: {
      summary: 'Prepare a poll (hosts, moderators): a draft until it is opened',
      tags: ['polls'],
      security: eventActor,
      parameters: [slugParam],
      requestBody: body('PollInput'),
      responses: {
        201: pollChanged('The new poll'),
        ...invalid,
        ...actorErrors,
        404: error('No such event'),
      },
    },
  },
  '/api/polls/{id}': {
    patch: {
      summary: 'Open a poll (the open one closes: one at a time) or close it (hosts, moderators)',
      tags: ['polls'],
      security: eventActor,
      parameters: [idParam],
      requestBody: body('PollPatch'),
      responses: { 200: pollChanged('The poll'), ...invalid, ...actorErrors, 404: error('No such poll') },
    },
  },
  '/api/polls/{id}/answers': {
    post: {
      summary: 'Answer an open poll (attendees, once each)',
      tags: ['polls'],
      security: eventActor,
      parameters: [idParam],
      requestBody: body('PollAnswer'),
      responses: {
        201: ok('`{poll, choices, lastEventId}`'),
        ...invalid,
        ...actorErrors,
        404: error('No such poll (a draft is none to attendees)'),
        409: error('`already_answered`, or `poll_not_open`'),
        429: error('Too many answers and votes a minute'),
      },
    },
  },
};

export const pollSchemas: Record<string, Json> = {
  PollView: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      question: { type: 'string' },
      multiple: { type: 'boolean' },
      resultsVisibility: { type: 'string', enum: ['everyone', 'staff'] },
      status: { type: 'string', enum: ['draft', 'open', 'closed'] },
      options: {
        type: 'array',
        items: {
          type: 'object',
          properties: { text: { type: 'string' }, votes: { type: ['integer', 'null'] } },
        },
      },
      answerCount: { type: ['integer', 'null'] },
      openedAt: { type: ['string', 'null'], format: 'date-time' },
      closedAt: { type: ['string', 'null'], format: 'date-time' },
    },
  },
};
