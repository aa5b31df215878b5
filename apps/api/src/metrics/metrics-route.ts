import { metricsAllowed, renderMetrics } from '@folkemote/metrics';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { sendError } from '../http-errors.ts';

/**
 * GET /metrics on the public listener, for an operator who scrapes with METRICS_TOKEN. With
 * METRICS_PORT set the metrics have a listener of their own (an internal address) and this one
 * answers 404, as it does with no token: metrics are never open to the public.
 */
export function registerMetricsRoute(app: FastifyInstance, deps: Pick<ApiDeps, 'config'>): void {
  const { token, apiPort } = deps.config.metrics;
  app.get('/metrics', async (request, reply) => {
    if (token === null || apiPort !== null) return sendError(reply, 404, 'not_found', 'Not found');
    if (!metricsAllowed(request.headers.authorization, token))
      return sendError(
        reply.header('www-authenticate', 'Bearer'),
        401,
        'invalid_token',
        'The metrics token is missing or wrong',
      );
    const { contentType, body } = await renderMetrics();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
