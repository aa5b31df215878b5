import {
  countQuestionStats,
  findEventById,
  findQuestion,
  listQuestionAudit,
  listQuestions,
} from '@folkemote/db';
import {
  attendeeSeesQuestion,
  chaptersPublishSchema,
  qaSettingsPatchSchema,
  questionBulkSchema,
  questionInputSchema,
  questionMergeSchema,
  questionPatchSchema,
  questionSorts,
  staffRoles,
} from '@folkemote/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import { sendError, sendValidationError } from '../http-errors.ts';
import { requireEventActor } from '../participants/require-event-actor.ts';
import { resolveEventActor } from '../participants/resolve-event-actor.ts';
import { streamGrantOf } from '../participants/stream-grant.ts';
import { askQuestion } from '../questions/ask-question.ts';
import { bulkUpdateQuestions } from '../questions/bulk-update-questions.ts';
import { listQuestionsFor } from '../questions/list-questions.ts';
import { mergeQuestions } from '../questions/merge-questions.ts';
import { publishQuestionChapters } from '../questions/publish-question-chapters.ts';
import { assertAttendee, assertModerator, viewerOf } from '../questions/question-actor.ts';
import { toAuditEntry } from '../questions/question-audit.ts';
import { publishQuestionChanges, type QuestionDeps, questionChannel } from '../questions/question-deps.ts';
import { createQuestionFeeds } from '../questions/question-feeds.ts';
import { createQuestionRateLimit, questionRateLimitsFrom } from '../questions/question-rate-limit.ts';
import { questionsCsv } from '../questions/questions-csv.ts';
import { updateQaSettings } from '../questions/update-qa-settings.ts';
import { updateQuestion } from '../questions/update-question.ts';
import { voteQuestion } from '../questions/vote-question.ts';
import { channelHubFor } from '../realtime/channel-hub.ts';
import { sseHubFor } from '../realtime/sse-stream.ts';
import { streamAccessFor } from '../realtime/stream-access.ts';
import { streamRefusal } from '../realtime/stream-refusal.ts';

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;
type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const listQuery = z.object({
  format: z.enum(['json', 'csv'], 'must be "json" or "csv"').optional(),
  sort: z.enum(questionSorts, 'must be popular or recent').optional(),
  lastEventId: z.string().optional(),
});
const auditQuery = z.object({
  before: z.coerce.number('must be a change number').int().positive().optional(),
  limit: z.coerce.number('must be a number').int().min(1).max(1000).default(500),
});

/** A Last-Event-ID worth honouring: a change number; anything else starts from a snapshot. */
function parseLastEventId(value: unknown): number | null {
  return typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : null;
}

function sendRateLimited(reply: FastifyReply, waitSeconds: number, what: string, limit: number) {
  return sendError(
    reply.header('retry-after', String(waitSeconds)),
    429,
    'rate_limited',
    `You can ${what} at most ${limit} times a minute; try again in ${waitSeconds} seconds`,
  );
}

/**
 * The Q&A queue: attendees ask and vote with their personal link; hosts,
 * presenters and moderators steer it; every change is streamed to every viewer
 * of the event on every API instance (Redis pub/sub → Server-Sent Events).
 */
export function registerQuestionRoutes(app: FastifyInstance, deps: ApiDeps) {
  const prefix = deps.config.redis.queuePrefix;
  const log = deps.log.child({ component: 'questions' });
  const hub = channelHubFor(app, deps.redis, deps.log);
  const sse = sseHubFor(app);
  const access = streamAccessFor(app, deps);
  const questionDeps: QuestionDeps = {
    db: deps.db,
    log,
    announce: (eventId, seq) => publishQuestionChanges(hub, prefix, eventId, seq),
  };
  const feeds = createQuestionFeeds({
    db: deps.db,
    hub,
    log,
    channelFor: (eventId) => questionChannel(prefix, eventId),
  });
  app.addHook('onClose', async () => feeds.close());
  const limits = questionRateLimitsFrom(deps.config.questions);
  const rateLimit = createQuestionRateLimit(deps.redis, prefix, limits);

  /** For routes under /api/questions/{id}: the question, its event and who is acting, or null once answered. */
  async function questionActor(request: IdRequest, reply: FastifyReply) {
    const id = z.uuid().safeParse(request.params.id);
    const question = id.success ? await findQuestion(deps.db, id.data) : null;
    const event = question ? await findEventById(deps.db, question.eventId) : null;
    if (!question || !event) {
      sendError(reply, 404, 'question_not_found', 'No question with that id');
      return null;
    }
    const result = await resolveEventActor(deps, request, event);
    if (!result.ok) {
      sendError(reply, result.status, result.code, result.message);
      return null;
    }
    // Someone else's pending question is as unknown to an attendee as a missing one.
    if (
      result.actor.role === 'attendee' &&
      !attendeeSeesQuestion(question, viewerOf(result.actor).registrationId)
    ) {
      sendError(reply, 404, 'question_not_found', 'No question with that id');
      return null;
    }
    return { question, event, actor: result.actor };
  }

  app.get<{ Params: { slug: string }; Querystring: Record<string, string> }>(
    '/api/events/:slug/questions',
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug);
      if (!found) return reply;
      const query = listQuery.safeParse(request.query);
      if (!query.success) return sendValidationError(reply, query.error);
      const viewer = viewerOf(found.actor);
      if (query.data.format === 'csv') {
        if (found.actor.role !== 'host' && found.actor.role !== 'moderator')
          return sendError(
            reply,
            403,
            'forbidden_for_role',
            `This is not open to the ${found.actor.role} role`,
          );
        return reply
          .header('cache-control', 'no-store')
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${found.event.slug}-questions.csv"`)
          .send(questionsCsv(await listQuestions(deps.db, found.event.id), found.event.language));
      }
      if (request.method === 'GET' && request.headers.accept?.includes('text/event-stream')) {
        const refusal = await streamRefusal(deps.db, found.event.id, found.actor, 'questions');
        if (refusal) return sendError(reply, refusal.status, refusal.code, refusal.message);
        const after = parseLastEventId(request.headers['last-event-id'] ?? query.data.lastEventId);
        let detach = () => {};
        let untrack = () => {};
        const stream = sse.open(request, reply, () => {
          untrack();
          detach();
        });
        // Closed when the right behind it is withdrawn (see stream-access.ts).
        untrack = access.track({
          eventId: found.event.id,
          grant: streamGrantOf(found.actor, request),
          room: null,
          close: () => stream.close(),
        });
        detach = feeds.attach(found.event.id, stream, viewer, after);
        return reply;
      }
      return reply
        .header('cache-control', 'no-store')
        .send(await listQuestionsFor(deps.db, found.event.id, viewer, query.data.sort));
    },
  );

  app.post('/api/events/:slug/questions', async (request: SlugRequest, reply) => {
    const found = await requireEventActor(deps, request, reply, request.params.slug);
    if (!found) return reply;
    assertAttendee(found.actor);
    const input = questionInputSchema.safeParse(request.body ?? {});
    if (!input.success) return sendValidationError(reply, input.error);
    const wait = await rateLimit.hit('ask', found.actor.id);
    if (wait !== null) return sendRateLimited(reply, wait, 'ask a question', limits.ask.limit);
    return reply.code(201).send(await askQuestion(questionDeps, found.event.id, found.actor, input.data));
  });

  const vote = (on: boolean) => async (request: IdRequest, reply: FastifyReply) => {
    const found = await questionActor(request, reply);
    if (!found) return reply;
    assertAttendee(found.actor);
    const wait = await rateLimit.hit('vote', found.actor.id);
    if (wait !== null) return sendRateLimited(reply, wait, 'vote or take back a vote', limits.vote.limit);
    return reply.send(await voteQuestion(questionDeps, found.event.id, found.question.id, found.actor, on));
  };
  app.post('/api/questions/:id/vote', vote(true));
  app.delete('/api/questions/:id/vote', vote(false));

  app.patch('/api/questions/:id', async (request: IdRequest, reply) => {
    const found = await questionActor(request, reply);
    if (!found) return reply;
    assertModerator(found.actor);
    const patch = questionPatchSchema.safeParse(request.body ?? {});
    if (!patch.success) return sendValidationError(reply, patch.error);
    return reply.send(
      await updateQuestion(questionDeps, found.event.id, found.question.id, found.actor, patch.data),
    );
  });

  app.post('/api/questions/:id/merge', async (request: IdRequest, reply) => {
    const found = await questionActor(request, reply);
    if (!found) return reply;
    assertModerator(found.actor);
    const input = questionMergeSchema.safeParse(request.body ?? {});
    if (!input.success) return sendValidationError(reply, input.error);
    return reply.send(
      await mergeQuestions(questionDeps, found.event.id, found.question.id, input.data.into, found.actor),
    );
  });

  app.post('/api/events/:slug/questions/bulk', async (request: SlugRequest, reply) => {
    const found = await requireEventActor(deps, request, reply, request.params.slug, staffRoles);
    if (!found) return reply;
    const input = questionBulkSchema.safeParse(request.body ?? {});
    if (!input.success) return sendValidationError(reply, input.error);
    return reply.send(
      await bulkUpdateQuestions(questionDeps, found.event.id, input.data.ids, input.data.status, found.actor),
    );
  });

  app.patch('/api/events/:slug/qa', async (request: SlugRequest, reply) => {
    const found = await requireEventActor(deps, request, reply, request.params.slug, staffRoles);
    if (!found) return reply;
    const patch = qaSettingsPatchSchema.safeParse(request.body ?? {});
    if (!patch.success) return sendValidationError(reply, patch.error);
    return reply.send(await updateQaSettings(questionDeps, found.event.id, patch.data, found.actor));
  });

  app.get<{ Params: { slug: string }; Querystring: Record<string, string> }>(
    '/api/events/:slug/questions/audit',
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug, ['host', 'moderator']);
      if (!found) return reply;
      const query = auditQuery.safeParse(request.query);
      if (!query.success) return sendValidationError(reply, query.error);
      const changes = await listQuestionAudit(deps.db, found.event.id, {
        beforeSeq: query.data.before,
        limit: query.data.limit,
      });
      return reply.header('cache-control', 'no-store').send({
        entries: changes.map(toAuditEntry),
        nextBefore: changes.length === query.data.limit ? changes.at(-1)!.seq : null,
      });
    },
  );

  app.get('/api/events/:slug/questions/stats', async (request: SlugRequest, reply) => {
    const found = await requireEventActor(deps, request, reply, request.params.slug, staffRoles);
    if (!found) return reply;
    return reply.header('cache-control', 'no-store').send(await countQuestionStats(deps.db, found.event.id));
  });

  app.post('/api/events/:slug/questions/chapters', async (request: SlugRequest, reply) => {
    const found = await requireEventActor(deps, request, reply, request.params.slug, ['host']);
    if (!found) return reply;
    const input = chaptersPublishSchema.safeParse(request.body ?? {});
    if (!input.success) return sendValidationError(reply, input.error);
    return reply.send(await publishQuestionChapters(deps, found.event.id, input.data.recordingId));
  });
}
