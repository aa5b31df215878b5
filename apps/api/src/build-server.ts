import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './http-errors.ts';
import { registerEventRoutes } from './routes/events.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerRecordingUpload } from './routes/recording-upload.ts';
import { registerRecordingRoutes } from './routes/recordings.ts';
import { registerWebApp } from './routes/web-app.ts';

export async function buildServer(
  deps: ApiDeps,
  options: { webDistDir?: string } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log.child({ component: 'http' }) as FastifyBaseLogger, // No per-request logs: they would carry visitors' addresses and URLs with personal links.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: true,
  });
  app.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) request.log.error({ err, url: request.url }, 'request failed');
    return sendError(
      reply,
      status,
      status === 500 ? 'internal' : 'bad_request',
      status === 500 ? 'Something went wrong on our side' : err.message,
    );
  });
  registerHealthRoutes(app, deps);
  registerRecordingRoutes(app, deps);
  registerRecordingUpload(app, deps);
  registerEventRoutes(app, deps);
  await registerWebApp(app, options.webDistDir);
  return app;
}
