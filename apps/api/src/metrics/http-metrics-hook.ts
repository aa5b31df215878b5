import { observeHttpRequest, UNMATCHED_ROUTE } from '@folkemote/metrics';
import type { FastifyInstance } from 'fastify';

/**
 * Counts every answered request under its route's pattern (`/api/events/:slug`), never the
 * address asked for: that may carry a personal link, and each new address would be a new series.
 * Event streams are taken over from Fastify and counted by the open-streams gauge instead.
 */
export function countHttpRequests(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    observeHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
}
