import {
  errors,
  eventAutoPublishBodySchema,
  eventAutoPublishSchema,
  organiserErrors,
  security,
  slugParams,
} from '@folkemote/contract';
import { findBroadcastForEvent, findEventAutoPublish, setEventAutoPublish } from '@folkemote/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { ownEvent } from '../events/own-event.ts';

/**
 * Whether an event's recordings go public as soon as they are processed (otherwise they are held
 * until an organiser publishes them). Organisers of the event's organisation only.
 */
export function registerEventAutoPublishRoutes(
  server: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const base = {
    tags: ['organiser'],
    security: security.organiser,
    params: slugParams,
  };
  const failures = errors({ ...organiserErrors, 404: 'No event with that slug in the organisation' });

  app.get(
    '/api/events/:slug/auto-publish',
    {
      preHandler: requireOrganiser,
      schema: {
        ...base,
        summary: 'Whether the event’s recordings are published without a review',
        response: { 200: eventAutoPublishSchema, ...failures },
      },
    },
    async (request, reply) => {
      const own = await ownEvent(deps, request, reply);
      if (!own) return reply;
      return reply
        .header('cache-control', 'no-store')
        .send({ autoPublish: (await findEventAutoPublish(deps.db, own.id)) ?? false });
    },
  );

  app.put(
    '/api/events/:slug/auto-publish',
    {
      preHandler: requireOrganiser,
      schema: {
        ...base,
        summary: 'Publish the event’s recordings as soon as they are processed, or hold them for review',
        body: eventAutoPublishBodySchema,
        response: {
          200: eventAutoPublishSchema,
          ...errors({
            400: 'The body is not `{ autoPublish: boolean }`',
            ...organiserErrors,
            404: 'No event with that slug in the organisation',
          }),
        },
      },
    },
    async (request, reply) => {
      const own = await ownEvent(deps, request, reply);
      if (!own) return reply;
      await setEventAutoPublish(deps.db, own.id, request.body.autoPublish);
      // An ended broadcast's page says "replay" or "coming after review" by this setting.
      if (await findBroadcastForEvent(deps.db, own.id))
        await deps.queues.enqueue('broadcast.refresh', { eventId: own.id });
      return reply.send({ autoPublish: request.body.autoPublish });
    },
  );
}
