import {
  auditPageSchema,
  auditQuery,
  chaptersPublishBody,
  errors,
  idParams,
  nonJson,
  publishedChaptersSchema,
  qaSettingsChangedSchema,
  qaSettingsPatchBody,
  questionBulkBody,
  questionChangedSchema,
  questionInputBody,
  questionListQuery,
  questionListSchema,
  questionMergeBody,
  questionPatchBody,
  questionStatsSchema,
  questionsBulkChangedSchema,
  questionsMergedSchema,
  security,
  slugParams,
} from '@folkemote/contract';
import {
  countQuestionStats,
  findEventById,
  findQuestion,
  listQuestionAudit,
  listQuestions,
} from '@folkemote/db';
import { attendeeSeesQuestion, staffRoles } from '@folkemote/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendError } from '../http-errors.ts';
import type { EventActor } from '../participants/index.ts';
import { requireEventActor } from '../participants/require-event-actor.ts';
import { streamGrantOf } from '../participants/stream-grant.ts';
import { askQuestion } from '../questions/ask-question.ts';
import { bulkUpdateQuestions } from '../questions/bulk-update-questions.ts';
import { listQuestionsFor } from '../questions/list-questions.ts';
import { mergeQuestions } from '../questions/merge-questions.ts';
import { publishQuestionChapters } from '../questions/publish-question-chapters.ts';
import { allowCsv, type QaContext, sendCsv } from '../questions/qa-context.ts';
import { assertAttendee, assertModerator, viewerOf } from '../questions/question-actor.ts';
import { toAuditEntry } from '../questions/question-audit.ts';
import { questionsCsv } from '../questions/questions-csv.ts';
import { updateQaSettings } from '../questions/update-qa-settings.ts';
import { updateQuestion } from '../questions/update-question.ts';
import { voteQuestion } from '../questions/vote-question.ts';
import { streamRefusal } from '../realtime/stream-refusal.ts';

/** A Last-Event-ID worth honouring: a change number; anything else starts from a snapshot. */
function parseLastEventId(value: unknown): number | null {
  return typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : null;
}

const tags = ['questions'];
const actorErrors = {
  401: 'No, an unknown or a revoked link (or not signed in)',
  403: 'The link is for another event, the registration is not confirmed, or the role may not do this',
} as const;
const invalid = { 400: 'Invalid input; `fields` names each bad field' } as const;
const noEvent = { 404: 'No such event' } as const;
const noQuestion = { 404: 'No question with that id (or one the caller may not see)' } as const;

type Found = { event: { id: string; slug: string; language: string }; actor: EventActor };

const typed = (server: FastifyInstance) => server.withTypeProvider<ZodTypeProvider>();
type App = ReturnType<typeof typed>;

/**
 * The Q&A queue: attendees ask and vote with their personal link; hosts,
 * presenters and moderators steer it; every change is streamed to every viewer
 * of the event on every API instance (Redis pub/sub → Server-Sent Events).
 */
export function registerQuestionRoutes(server: FastifyInstance, qa: QaContext) {
  const app = typed(server);
  registerQuestionList(app, qa);
  registerAsk(app, qa);
  registerVotes(app, qa);
  registerModerate(app, qa);
  registerMerge(app, qa);
  registerBulk(app, qa);
  registerQaSettings(app, qa);
  registerAudit(app, qa);
  registerStats(app, qa);
  registerChapters(app, qa);
}

/** The question under /api/questions/{id}, its event and who is acting, or null once answered. */
async function questionActor(qa: QaContext, request: FastifyRequest, reply: FastifyReply) {
  const { db } = qa.deps;
  const id = z.uuid().safeParse((request.params as { id: string }).id);
  const question = id.success ? await findQuestion(db, id.data) : null;
  const found = question ? { item: question, event: await findEventById(db, question.eventId) } : null;
  const result = await qa.actorFor(
    request,
    reply,
    found,
    { code: 'question_not_found', message: 'No question with that id' },
    // Someone else's pending question is as unknown to an attendee as a missing one.
    (q, actor) => actor.role !== 'attendee' || attendeeSeesQuestion(q, viewerOf(actor).registrationId),
  );
  return result && { question: result.item, event: result.event, actor: result.actor };
}

/** Every question, for Excel (hosts and moderators). */
async function sendQuestionsCsv(qa: QaContext, reply: FastifyReply, found: Found) {
  if (!allowCsv(reply, found.actor)) return reply;
  const csv = questionsCsv(await listQuestions(qa.deps.db, found.event.id), found.event.language as never);
  return sendCsv(reply, `${found.event.slug}-questions.csv`, csv);
}

/** The changes as Server-Sent Events, resumed after Last-Event-ID (or ?lastEventId=). */
async function streamQuestions(
  qa: QaContext,
  request: FastifyRequest,
  reply: FastifyReply,
  found: Found,
  lastEventId?: string,
) {
  const refusal = await streamRefusal(qa.deps.db, found.event.id, found.actor, 'questions');
  if (refusal) return sendError(reply, refusal.status, refusal.code, refusal.message);
  const after = parseLastEventId(request.headers['last-event-id'] ?? lastEventId);
  let detach = () => {};
  let untrack = () => {};
  const stream = qa.sse.open(request, reply, () => {
    untrack();
    detach();
  });
  // Closed when the right behind it is withdrawn (see stream-access.ts).
  untrack = qa.access.track({
    eventId: found.event.id,
    grant: streamGrantOf(found.actor, request),
    room: null,
    close: () => stream.close(),
  });
  detach = qa.feeds.attach(found.event.id, stream, viewerOf(found.actor), after);
  return reply;
}

const questionListDescription =
  'JSON: the list. Attendees see live, highlighted and answered questions and their own in any state, never ' +
  'the asker of an anonymous question. With `Accept: text/event-stream`: a stream whose `id:` is the event’s ' +
  'change number; send `Last-Event-ID` (or `?lastEventId=`) to resume without losing or repeating a change. ' +
  'Events: `snapshot` {questions, settings, lastEventId} first (when not resuming) and whenever the whole view ' +
  'changes; `question` {kind, question (without myVote), myVote?}; `remove` {kind, id, status, mergedInto}; ' +
  '`settings` {kind, settings}; `poll` {kind, poll, answered?}. Comments every 15 s keep the stream alive. ' +
  'The stream ends when the right behind it goes. `format=csv` (hosts and moderators): every question for Excel.';

/** GET /api/events/{slug}/questions: JSON, CSV or Server-Sent Events by `format` and `Accept`. */
function registerQuestionList(app: App, qa: QaContext) {
  const { deps } = qa;
  app.get(
    '/api/events/:slug/questions',
    {
      schema: {
        summary: 'The questions the caller may see (JSON, CSV, or a stream of changes)',
        description: questionListDescription,
        tags,
        security: security.eventActor,
        params: slugParams,
        querystring: questionListQuery,
        response: {
          200: {
            description: 'The list, the CSV, or the stream',
            content: {
              'application/json': { schema: questionListSchema },
              'text/csv': nonJson('text/csv', 'Every question').content['text/csv'],
              'text/event-stream': nonJson('text/event-stream', 'The changes').content['text/event-stream'],
            },
          },
          ...errors({ ...invalid, ...actorErrors, ...noEvent, 409: 'The stream is not open yet' }),
        },
      },
    },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug);
      if (!found) return reply;
      if (request.query.format === 'csv') return sendQuestionsCsv(qa, reply, found);
      if (request.method === 'GET' && request.headers.accept?.includes('text/event-stream'))
        return streamQuestions(qa, request, reply, found, request.query.lastEventId);
      const list = await listQuestionsFor(deps.db, found.event.id, viewerOf(found.actor), request.query.sort);
      return reply.header('cache-control', 'no-store').send(list);
    },
  );
}

function registerAsk(app: App, qa: QaContext) {
  const { deps, questionDeps } = qa;
  app.post(
    '/api/events/:slug/questions',
    {
      schema: {
        summary: 'Ask a question (registrants)',
        tags,
        security: security.eventActor,
        params: slugParams,
        body: questionInputBody,
        response: {
          201: questionChangedSchema,
          ...errors({
            ...invalid,
            ...actorErrors,
            ...noEvent,
            409: 'Questions are not open (yet)',
            429: 'Too many questions; Retry-After says when to try again',
          }),
        },
      },
    },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug);
      if (!found) return reply;
      assertAttendee(found.actor);
      const input = request.body;
      if (!(await qa.allow(reply, 'ask', found.actor.id, 'ask a question'))) return reply;
      return reply.code(201).send(await askQuestion(questionDeps, found.event.id, found.actor, input));
    },
  );
}

/** POST and DELETE /api/questions/{id}/vote. */
function registerVotes(app: App, qa: QaContext) {
  const voteSchema = (summary: string) => ({
    summary,
    tags,
    security: security.eventActor,
    params: idParams,
    response: {
      200: questionChangedSchema,
      ...errors({ ...actorErrors, ...noQuestion, 409: 'The question takes no votes', 429: 'Too many votes' }),
    },
  });
  const vote = (on: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const found = await questionActor(qa, request, reply);
    if (!found) return reply;
    assertAttendee(found.actor);
    if (!(await qa.allow(reply, 'vote', found.actor.id, 'vote or take back a vote'))) return reply;
    return reply.send(
      await voteQuestion(qa.questionDeps, found.event.id, found.question.id, found.actor, on),
    );
  };
  app.post('/api/questions/:id/vote', { schema: voteSchema('Vote for a question') }, vote(true));
  app.delete('/api/questions/:id/vote', { schema: voteSchema('Take back a vote') }, vote(false));
}

function registerModerate(app: App, qa: QaContext) {
  app.patch(
    '/api/questions/:id',
    {
      schema: {
        summary: 'Moderate a question: status, text, answer, pin',
        tags,
        security: security.eventActor,
        params: idParams,
        body: questionPatchBody,
        response: {
          200: questionChangedSchema,
          ...errors({
            ...invalid,
            ...actorErrors,
            ...noQuestion,
            409: 'The change does not apply to the question',
          }),
        },
      },
    },
    async (request, reply) => {
      const found = await questionActor(qa, request, reply);
      if (!found) return reply;
      assertModerator(found.actor);
      const patch = request.body;
      return reply.send(
        await updateQuestion(qa.questionDeps, found.event.id, found.question.id, found.actor, patch),
      );
    },
  );
}

function registerMerge(app: App, qa: QaContext) {
  app.post(
    '/api/questions/:id/merge',
    {
      schema: {
        summary: 'Merge a question into another; its votes move along',
        tags,
        security: security.eventActor,
        params: idParams,
        body: questionMergeBody,
        response: {
          200: questionsMergedSchema,
          ...errors({ ...invalid, ...actorErrors, ...noQuestion, 409: 'The questions cannot be merged' }),
        },
      },
    },
    async (request, reply) => {
      const found = await questionActor(qa, request, reply);
      if (!found) return reply;
      assertModerator(found.actor);
      const into = request.body.into;
      return reply.send(
        await mergeQuestions(qa.questionDeps, found.event.id, found.question.id, into, found.actor),
      );
    },
  );
}

function registerBulk(app: App, qa: QaContext) {
  const { deps, questionDeps } = qa;
  app.post(
    '/api/events/:slug/questions/bulk',
    {
      schema: {
        summary: 'Set the status of several questions at once (staff)',
        tags,
        security: security.eventActor,
        params: slugParams,
        body: questionBulkBody,
        response: {
          200: questionsBulkChangedSchema,
          ...errors({ ...invalid, ...actorErrors, ...noEvent, 409: 'A question cannot take that status' }),
        },
      },
    },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug, staffRoles);
      if (!found) return reply;
      const { ids, status } = request.body;
      return reply.send(await bulkUpdateQuestions(questionDeps, found.event.id, ids, status, found.actor));
    },
  );
}

function registerQaSettings(app: App, qa: QaContext) {
  const { deps, questionDeps } = qa;
  app.patch(
    '/api/events/:slug/qa',
    {
      schema: {
        summary: 'Change the event’s Q&A settings (staff)',
        tags,
        security: security.eventActor,
        params: slugParams,
        body: qaSettingsPatchBody,
        response: { 200: qaSettingsChangedSchema, ...errors({ ...invalid, ...actorErrors, ...noEvent }) },
      },
    },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug, staffRoles);
      if (!found) return reply;
      const patch = request.body;
      return reply.send(await updateQaSettings(questionDeps, found.event.id, patch, found.actor));
    },
  );
}

function registerAudit(app: App, qa: QaContext) {
  const { deps } = qa;
  app.get(
    '/api/events/:slug/questions/audit',
    {
      schema: {
        summary: 'The Q&A audit log, newest first (hosts and moderators)',
        tags,
        security: security.eventActor,
        params: slugParams,
        querystring: auditQuery,
        response: { 200: auditPageSchema, ...errors({ ...invalid, ...actorErrors, ...noEvent }) },
      },
    },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug, ['host', 'moderator']);
      if (!found) return reply;
      const { before, limit } = request.query;
      const changes = await listQuestionAudit(deps.db, found.event.id, { beforeSeq: before, limit });
      return reply.header('cache-control', 'no-store').send({
        entries: changes.map(toAuditEntry),
        nextBefore: changes.length === limit ? changes.at(-1)!.seq : null,
      });
    },
  );
}

function registerStats(app: App, qa: QaContext) {
  const { deps } = qa;
  app.get(
    '/api/events/:slug/questions/stats',
    {
      schema: {
        summary: 'The Q&A in figures (staff)',
        tags,
        security: security.eventActor,
        params: slugParams,
        response: { 200: questionStatsSchema, ...errors({ ...actorErrors, ...noEvent }) },
      },
    },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug, staffRoles);
      if (!found) return reply;
      return reply
        .header('cache-control', 'no-store')
        .send(await countQuestionStats(deps.db, found.event.id));
    },
  );
}

function registerChapters(app: App, qa: QaContext) {
  const { deps } = qa;
  app.post(
    '/api/events/:slug/questions/chapters',
    {
      schema: {
        summary: 'Publish the answered questions as chapters of the event’s recording (hosts)',
        tags,
        security: security.eventActor,
        params: slugParams,
        body: chaptersPublishBody,
        response: {
          200: publishedChaptersSchema,
          ...errors({
            ...invalid,
            ...actorErrors,
            404: 'No such event or recording',
            409: 'The recording is not published',
          }),
        },
      },
    },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug, ['host']);
      if (!found) return reply;
      const recordingId = request.body.recordingId;
      return reply.send(await publishQuestionChapters(deps, found.event.id, recordingId));
    },
  );
}
