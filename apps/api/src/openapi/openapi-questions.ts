import { body, error, eventActor, idParam, type Json, json, ok, ref, slugParam } from './openapi-parts.ts';

const actorErrors = {
  401: error('No, an unknown or a revoked link (or not signed in)'),
  403: error('The link is for another event, the registration is not confirmed, or the role may not do this'),
};
const invalid = { 400: error('Invalid input; `fields` names each bad field') };
const changed = (description: string, extra: Json = {}) =>
  ok(description, {
    type: 'object',
    properties: {
      question: ref('QuestionView'),
      ...extra,
      lastEventId: { type: 'integer', description: 'The stream id of the last change this made' },
    },
  });

/** The Q&A endpoints; see QuestionView and the stream description on GET …/questions. */
export const questionOperations: Record<string, Record<string, Json>> = {
  '/api/events/{slug}/questions': {
    get: {
      summary: 'The questions the caller may see (JSON, CSV, or a stream of changes)',
      description:
        'JSON: `{questions: QuestionView[], settings, lastEventId, hiddenUntilQaStarts}`. Attendees see live, highlighted ' +
        'and answered questions and their own in any state, never the asker of an anonymous question. With ' +
        '`Accept: text/event-stream`: a stream whose `id:` is the event’s change number; send `Last-Event-ID` (or ' +
        '`?lastEventId=`) to resume without losing or repeating a change. Events: `snapshot` ' +
        '{questions, settings, lastEventId} first (when not resuming) and whenever the whole view changes; `question` ' +
        '{kind, question (without myVote), myVote?}; `remove` {kind, id, status, mergedInto} for a question no longer ' +
        'visible to the caller (kind `deleted`, status null: deleted with its asker’s data); `settings` {kind, settings}; `poll` {kind (`poll` or `poll_answered`), poll: PollView, answered?} (the snapshot carries `polls` and the caller’s own `myPollAnswers`). Comments every 15 s keep the stream alive. ' +
        'The stream ends when the right behind it goes (a revoked link, a cancelled or deleted registration, a ' +
        'cancelled event, a sign-out); reconnecting then gets the refusal, for a cancelled event 403 `event_cancelled`. ' +
        '`format=csv` (hosts and moderators): every question for Excel.',
      tags: ['questions'],
      security: eventActor,
      parameters: [
        slugParam,
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] } },
        { name: 'sort', in: 'query', schema: { type: 'string', enum: ['popular', 'recent'] } },
        { name: 'lastEventId', in: 'query', schema: { type: 'string' } },
        { name: 'Last-Event-ID', in: 'header', schema: { type: 'string' } },
      ],
      responses: {
        200: {
          description: 'The visible questions, or the stream',
          content: {
            ...json(ref('QuestionList')),
            'text/event-stream': { schema: { type: 'string' } },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        ...invalid,
        ...actorErrors,
        404: error('No such event'),
      },
    },
    post: {
      summary: 'Ask a question (attendees, with their personal link)',
      tags: ['questions'],
      security: [{ personalLink: [] }],
      parameters: [slugParam],
      requestBody: body('QuestionInput'),
      responses: {
        201: changed('The question as the asker sees it: pending with pre-moderation, else live'),
        ...invalid,
        ...actorErrors,
        404: error('No such event'),
        429: error('Too many questions from this attendee (5 a minute); Retry-After says when to try again'),
      },
    },
  },
  '/api/events/{slug}/questions/bulk': {
    post: {
      summary: 'One status for many questions, all or nothing (hosts, presenters, moderators)',
      tags: ['questions'],
      security: eventActor,
      parameters: [slugParam],
      requestBody: body('QuestionBulk'),
      responses: {
        200: ok('The changed questions', {
          type: 'object',
          properties: {
            questions: { type: 'array', items: ref('QuestionView') },
            lastEventId: { type: 'integer' },
          },
        }),
        ...invalid,
        ...actorErrors,
        404: error('No such event'),
        409: error('Some questions cannot take that status; `fields.ids` says which and why'),
      },
    },
  },
  '/api/events/{slug}/questions/audit': {
    get: {
      summary:
        'The audit log: every change but votes, who made it and when, newest first (hosts, moderators)',
      tags: ['questions'],
      security: eventActor,
      parameters: [
        slugParam,
        { name: 'before', in: 'query', schema: { type: 'integer' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 1000 } },
      ],
      responses: {
        200: ok(
          '`{entries: [{seq, at, kind, questionId, fromStatus, actor, question, settings}], nextBefore}`',
        ),
        ...invalid,
        ...actorErrors,
        404: error('No such event'),
      },
    },
  },
  '/api/events/{slug}/questions/stats': {
    get: {
      summary:
        'Counts: asked, answered, dismissed, merged, open, votes, askers, voters (hosts, presenters, moderators)',
      tags: ['questions'],
      security: eventActor,
      parameters: [slugParam],
      responses: { 200: ok('The counts'), ...actorErrors, 404: error('No such event') },
    },
  },
  '/api/events/{slug}/questions/chapters': {
    post: {
      summary: 'Publish the answered questions as chapters of the event’s recording (hosts)',
      description:
        'Each chapter starts when its question was highlighted, counted from when the recorded media starts. ' +
        'The WebVTT file is public at once; the replay page offers it now, or when the replay is published.',
      tags: ['questions'],
      security: eventActor,
      parameters: [slugParam],
      requestBody: body('ChaptersPublish'),
      responses: {
        200: ok('`{recordingId, chapters, skipped: [{questionId, reason}], chaptersUrl}`'),
        ...invalid,
        ...actorErrors,
        404: error('No such event, or no such recording of it'),
        409: error('The event has no recording, or the recording does not say when its media starts'),
      },
    },
  },
  '/api/events/{slug}/qa': {
    patch: {
      summary:
        'Q&A settings: pre-moderation, questions at the end, start of the Q&A, order (hosts, presenters, moderators)',
      tags: ['questions'],
      security: eventActor,
      parameters: [slugParam],
      requestBody: body('QaSettingsPatch'),
      responses: {
        200: ok('`{settings, lastEventId}`'),
        ...invalid,
        ...actorErrors,
        404: error('No such event'),
      },
    },
  },
  '/api/questions/{id}': {
    patch: {
      summary: 'Moderate a question: status, corrected text (the original is kept), pin, written answer',
      description:
        'Highlighting a question ends the highlight of the one before, which becomes answered. Dismissed questions are ' +
        'restored by setting a status again (the staff view says where it came from in `dismissedFrom`).',
      tags: ['questions'],
      security: eventActor,
      parameters: [idParam],
      requestBody: body('QuestionPatch'),
      responses: {
        200: changed('The question after the change'),
        ...invalid,
        ...actorErrors,
        404: error('No such question'),
        409: error('The status cannot follow the current one, or the question was merged'),
      },
    },
  },
  '/api/questions/{id}/vote': {
    post: {
      summary: 'Vote for a question (attendees); a second vote changes nothing',
      tags: ['questions'],
      security: [{ personalLink: [] }],
      parameters: [idParam],
      responses: {
        200: changed('The question with its votes'),
        ...actorErrors,
        404: error('No such question'),
        409: error('The question takes no votes (pending, answered, dismissed or merged)'),
        429: error('Too many votes from this attendee'),
      },
    },
    delete: {
      summary: 'Take one’s vote back (attendees)',
      tags: ['questions'],
      security: [{ personalLink: [] }],
      parameters: [idParam],
      responses: {
        200: changed('The question with its votes'),
        ...actorErrors,
        404: error('No such question'),
        429: error('Too many votes from this attendee'),
      },
    },
  },
  '/api/questions/{id}/merge': {
    post: {
      summary: 'Merge a duplicate into another question; votes combine, a person counts once',
      tags: ['questions'],
      security: eventActor,
      parameters: [idParam],
      requestBody: body('QuestionMerge'),
      responses: {
        200: changed('The combined question, and the merged one', { merged: ref('QuestionView') }),
        ...invalid,
        ...actorErrors,
        404: error('No such question, or the other is not of the same event'),
        409: error('Merged into itself, or one of them is merged already'),
      },
    },
  },
};

const statuses = ['pending', 'live', 'highlighted', 'answered', 'dismissed', 'merged'];

export const questionSchemas: Record<string, Json> = {
  QuestionView: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      status: { type: 'string', enum: statuses },
      text: { type: 'string', description: 'Plain text as typed (or as corrected); never HTML' },
      anonymous: { type: 'boolean' },
      author: {
        type: ['object', 'null'],
        properties: { name: { type: 'string' } },
        description: 'Null for attendees when anonymous, or when the registrant’s data is deleted',
      },
      mine: { type: 'boolean' },
      votes: { type: 'integer' },
      myVote: { type: 'boolean' },
      pinned: { type: 'boolean' },
      answer: { type: ['string', 'null'] },
      edited: { type: 'boolean' },
      createdAt: { type: 'string', format: 'date-time' },
      highlightedAt: { type: ['string', 'null'], format: 'date-time' },
      answeredAt: { type: ['string', 'null'], format: 'date-time' },
      mergedInto: { type: ['string', 'null'], format: 'uuid' },
      originalText: { type: ['string', 'null'], description: 'Staff only' },
      dismissedFrom: { type: ['string', 'null'], enum: [...statuses, null], description: 'Staff only' },
    },
  },
  QaSettings: {
    type: 'object',
    properties: {
      preModeration: { type: 'boolean' },
      questionsAtEnd: { type: 'boolean' },
      qaStarted: { type: 'boolean' },
      qaStartedAt: { type: ['string', 'null'], format: 'date-time' },
      questionsBeforeStart: { type: 'boolean', description: 'Questions taken from registration on' },
      sort: { type: 'string', enum: ['popular', 'recent'] },
    },
  },
  QuestionList: {
    type: 'object',
    properties: {
      questions: { type: 'array', items: ref('QuestionView') },
      settings: ref('QaSettings'),
      lastEventId: { type: 'integer' },
      hiddenUntilQaStarts: { type: 'boolean' },
    },
  },
};
