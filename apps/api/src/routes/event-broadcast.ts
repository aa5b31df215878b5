import { errors, eventBroadcastSchema, organiserErrors, security, slugParams } from '@folkemote/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { loadEventBroadcast } from '../events/event-broadcast-view.ts';
import { loadOrganiserEvent } from '../events/organiser-event-view.ts';
import { ownEvent } from '../events/own-event.ts';
import { sendError } from '../http-errors.ts';

/** Where a broadcast event is on the public site (address, embed, state). Organisers of its organisation only. */
export function registerEventBroadcastRoutes(
  server: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/events/:slug/broadcast',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'The event’s broadcast: its public address, the embed snippet and whether it is live',
        tags: ['organiser'],
        security: security.organiser,
        params: slugParams,
        response: {
          200: eventBroadcastSchema,
          ...errors({
            ...organiserErrors,
            404: 'No event with that slug in the organisation (`event_not_found`), or it is not broadcast (`not_broadcast`)',
          }),
        },
      },
    },
    async (request, reply) => {
      const own = await ownEvent(deps, request, reply);
      if (!own) return reply;
      const event = await loadOrganiserEvent(deps.db, own.id);
      const broadcast = event && (await loadEventBroadcast(deps.db, event, deps.s3Settings.publicBaseUrl));
      if (!broadcast)
        return sendError(reply, 404, 'not_broadcast', 'The event is not broadcast on the public site');
      return reply.header('cache-control', 'no-store').send(broadcast);
    },
  );
}
