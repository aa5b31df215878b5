import { findEventById, findPoll, listPolls } from '@folkemote/db';
import { pollAnswerSchema, pollInputSchema, pollPatchSchema, viewPoll } from '@folkemote/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import { sendError, sendValidationError } from '../http-errors.ts';
import { requireEventActor } from '../participants/require-event-actor.ts';
import { resolveEventActor } from '../participants/resolve-event-actor.ts';
import { answerPoll } from '../polls/answer-poll.ts';
import { assertPollManager, changePollStatus, createPoll } from '../polls/manage-polls.ts';
import { pollsCsv } from '../polls/polls-csv.ts';
import { assertAttendee } from '../questions/question-actor.ts';
import { publishQuestionChanges, type QuestionDeps } from '../questions/question-deps.ts';
import { createQuestionRateLimit, questionRateLimitsFrom } from '../questions/question-rate-limit.ts';
import { channelHubFor } from '../realtime/channel-hub.ts';

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;
type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const listQuery = z.object({ format: z.enum(['json', 'csv'], 'must be "json" or "csv"').optional() });

/**
 * Polls: hosts and moderators prepare and open them, registrants answer with
 * their personal link. Every change goes out on the event's Q&A stream
 * (`GET /api/events/{slug}/questions`), the one feed per event and process.
 */
export function registerPollRoutes(app: FastifyInstance, deps: ApiDeps) {
  const prefix = deps.config.redis.queuePrefix;
  const hub = channelHubFor(app, deps.redis, deps.log);
  const pollDeps: QuestionDeps = {
    db: deps.db,
    log: deps.log.child({ component: 'polls' }),
    announce: (eventId, seq) => publishQuestionChanges(hub, prefix, eventId, seq),
  };
  const limits = questionRateLimitsFrom(deps.config.questions);
  const rateLimit = createQuestionRateLimit(deps.redis, prefix, limits);

  /** For routes under /api/polls/{id}: the poll, its event and who is acting, or null once answered. */
  async function pollActor(request: IdRequest, reply: FastifyReply) {
    const id = z.uuid().safeParse(request.params.id);
    const poll = id.success ? await findPoll(deps.db, id.data) : null;
    const event = poll ? await findEventById(deps.db, poll.eventId) : null;
    if (!poll || !event) {
      sendError(reply, 404, 'poll_not_found', 'No poll with that id');
      return null;
    }
    const result = await resolveEventActor(deps, request, event);
    if (!result.ok) {
      sendError(reply, result.status, result.code, result.message);
      return null;
    }
    // A draft is as unknown to the audience as a missing poll.
    if (!viewPoll(poll, result.actor.role)) {
      sendError(reply, 404, 'poll_not_found', 'No poll with that id');
      return null;
    }
    return { poll, event, actor: result.actor };
  }

  app.get<{ Params: { slug: string }; Querystring: Record<string, string> }>(
    '/api/events/:slug/polls',
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug);
      if (!found) return reply;
      const query = listQuery.safeParse(request.query);
      if (!query.success) return sendValidationError(reply, query.error);
      const polls = await listPolls(deps.db, found.event.id);
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
          .header('content-disposition', `attachment; filename="${found.event.slug}-polls.csv"`)
          .send(pollsCsv(polls, found.event.language));
      }
      return reply.header('cache-control', 'no-store').send({
        polls: polls.map((p) => viewPoll(p, found.actor.role)).filter((p) => p !== null),
      });
    },
  );

  app.post('/api/events/:slug/polls', async (request: SlugRequest, reply) => {
    const found = await requireEventActor(deps, request, reply, request.params.slug, ['host', 'moderator']);
    if (!found) return reply;
    const input = pollInputSchema.safeParse(request.body ?? {});
    if (!input.success) return sendValidationError(reply, input.error);
    return reply.code(201).send(await createPoll(pollDeps, found.event.id, found.actor, input.data));
  });

  app.patch('/api/polls/:id', async (request: IdRequest, reply) => {
    const found = await pollActor(request, reply);
    if (!found) return reply;
    assertPollManager(found.actor);
    const patch = pollPatchSchema.safeParse(request.body ?? {});
    if (!patch.success) return sendValidationError(reply, patch.error);
    return reply.send(
      await changePollStatus(pollDeps, found.event.id, found.poll.id, found.actor, patch.data.status),
    );
  });

  app.post('/api/polls/:id/answers', async (request: IdRequest, reply) => {
    const found = await pollActor(request, reply);
    if (!found) return reply;
    assertAttendee(found.actor);
    const input = pollAnswerSchema.safeParse(request.body ?? {});
    if (!input.success) return sendValidationError(reply, input.error);
    const wait = await rateLimit.hit('vote', found.actor.id);
    if (wait !== null)
      return sendError(
        reply.header('retry-after', String(wait)),
        429,
        'rate_limited',
        `You can answer or vote at most ${limits.vote.limit} times a minute; try again in ${wait} seconds`,
      );
    return reply
      .code(201)
      .send(await answerPoll(pollDeps, found.event.id, found.poll.id, found.actor, input.data.choices));
  });
}
