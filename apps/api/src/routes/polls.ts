import {
  errors,
  idParams,
  nonJson,
  pollAnswerBody,
  pollAnsweredSchema,
  pollChangedSchema,
  pollInputBody,
  pollListQuery,
  pollListSchema,
  pollPatchBody,
  security,
  slugParams,
} from '@folkemote/contract';
import { findEventById, findPoll, listPolls } from '@folkemote/db';
import { viewPoll } from '@folkemote/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireEventActor } from '../participants/require-event-actor.ts';
import { answerPoll } from '../polls/answer-poll.ts';
import { assertPollManager, changePollStatus, createPoll } from '../polls/manage-polls.ts';
import { pollsCsv } from '../polls/polls-csv.ts';
import { allowCsv, type QaContext, sendCsv } from '../questions/qa-context.ts';
import { assertAttendee } from '../questions/question-actor.ts';

const tags = ['polls'];
const actorErrors = {
  401: 'No, an unknown or a revoked link (or not signed in)',
  403: 'The link is for another event, the registration is not confirmed, or the role may not do this',
} as const;
const invalid = { 400: 'Invalid input; `fields` names each bad field' } as const;
const noPoll = { 404: 'No poll with that id (or a draft the caller may not see)' } as const;

/**
 * Polls: hosts and moderators prepare and open them, registrants answer with
 * their personal link. Every change goes out on the event's Q&A stream
 * (`GET /api/events/{slug}/questions`), the one feed per event and process.
 */
export function registerPollRoutes(server: FastifyInstance, qa: QaContext) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { deps, pollDeps } = qa;

  /** The poll under /api/polls/{id}, its event and who is acting; a draft is as unknown to the audience as a missing poll. */
  async function pollActor(request: { params: { id: string } }, reply: Parameters<typeof qa.actorFor>[1]) {
    const id = z.uuid().safeParse(request.params.id);
    const poll = id.success ? await findPoll(deps.db, id.data) : null;
    const found = poll ? { item: poll, event: await findEventById(deps.db, poll.eventId) } : null;
    const result = await qa.actorFor(
      request as Parameters<typeof qa.actorFor>[0],
      reply,
      found,
      { code: 'poll_not_found', message: 'No poll with that id' },
      (p, actor) => viewPoll(p, actor.role) !== null,
    );
    return result && { poll: result.item, event: result.event, actor: result.actor };
  }

  app.get(
    '/api/events/:slug/polls',
    {
      schema: {
        summary:
          'The polls the caller may see, or `format=csv`: the results for Excel (hosts and moderators)',
        tags,
        security: security.eventActor,
        params: slugParams,
        querystring: pollListQuery,
        response: {
          200: {
            description: 'The polls, or their results as CSV',
            content: {
              'application/json': { schema: pollListSchema },
              'text/csv': nonJson('text/csv', 'Every poll’s results').content['text/csv'],
            },
          },
          ...errors({ ...invalid, ...actorErrors, 404: 'No such event' }),
        },
      },
    },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug);
      if (!found) return reply;
      const format = request.query.format;
      const polls = await listPolls(deps.db, found.event.id);
      if (format === 'csv') {
        if (!allowCsv(reply, found.actor)) return reply;
        return sendCsv(reply, `${found.event.slug}-polls.csv`, pollsCsv(polls, found.event.language));
      }
      return reply.header('cache-control', 'no-store').send({
        polls: polls.map((p) => viewPoll(p, found.actor.role)).filter((p) => p !== null),
      });
    },
  );

  app.post(
    '/api/events/:slug/polls',
    {
      schema: {
        summary: 'Prepare a poll (a draft; hosts and moderators)',
        tags,
        security: security.eventActor,
        params: slugParams,
        body: pollInputBody,
        response: { 201: pollChangedSchema, ...errors({ ...invalid, ...actorErrors, 404: 'No such event' }) },
      },
    },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug, ['host', 'moderator']);
      if (!found) return reply;
      const input = request.body;
      return reply.code(201).send(await createPoll(pollDeps, found.event.id, found.actor, input));
    },
  );

  app.patch(
    '/api/polls/:id',
    {
      schema: {
        summary: 'Open or close a poll (one open at a time)',
        tags,
        security: security.eventActor,
        params: idParams,
        body: pollPatchBody,
        response: {
          200: pollChangedSchema,
          ...errors({ ...invalid, ...actorErrors, ...noPoll, 409: 'The poll cannot move to that status' }),
        },
      },
    },
    async (request, reply) => {
      const found = await pollActor(request, reply);
      if (!found) return reply;
      assertPollManager(found.actor);
      const status = request.body.status;
      return reply.send(await changePollStatus(pollDeps, found.event.id, found.poll.id, found.actor, status));
    },
  );

  app.post(
    '/api/polls/:id/answers',
    {
      schema: {
        summary: 'Answer an open poll, once (registrants)',
        tags,
        security: security.eventActor,
        params: idParams,
        body: pollAnswerBody,
        response: {
          201: pollAnsweredSchema,
          ...errors({
            ...invalid,
            ...actorErrors,
            ...noPoll,
            409: 'The poll is not open, or already answered',
            429: 'Too many answers; Retry-After says when to try again',
          }),
        },
      },
    },
    async (request, reply) => {
      const found = await pollActor(request, reply);
      if (!found) return reply;
      assertAttendee(found.actor);
      const choices = request.body.choices;
      if (!(await qa.allow(reply, 'vote', found.actor.id, 'answer or vote'))) return reply;
      return reply
        .code(201)
        .send(await answerPoll(pollDeps, found.event.id, found.poll.id, found.actor, choices));
    },
  );
}
