import { isDatabaseUnavailable } from '@folkemote/db';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { z } from 'zod';
import { registerJobBoard } from './admin/job-board.ts';
import type { ApiDeps } from './api-deps.ts';
import { createRequireOrganiser } from './auth/require-organiser.ts';
import { closeConnectionsOnShutdown } from './close-connections.ts';
import { acceptEmptyJsonBody } from './empty-json-body.ts';
import {
  deferValidationErrors,
  refuseUndescribedStatuses,
  serializerCompiler,
  validatorCompiler,
} from './http-contract.ts';
import { Refusal, sendError, sendValidationError } from './http-errors.ts';
import { createLiveContext } from './live/live-context.ts';
import { countHttpRequests } from './metrics/http-metrics-hook.ts';
import { registerMetricsRoute } from './metrics/metrics-route.ts';
import { registerOpenApiDocument } from './openapi-document.ts';
import { createQaContext } from './questions/qa-context.ts';
import { channelHubFor } from './realtime/channel-hub.ts';
import { sseHubFor } from './realtime/sse-stream.ts';
import { streamAccessFor } from './realtime/stream-access.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerDevOutboxRoutes } from './routes/dev-outbox.ts';
import { registerEventAutoPublishRoutes } from './routes/event-auto-publish.ts';
import { registerEventBroadcastRoutes } from './routes/event-broadcast.ts';
import { registerEventRegistrationRoutes } from './routes/event-registrations.ts';
import { registerEventStaffRoutes } from './routes/event-staff.ts';
import { registerEventRoutes } from './routes/events.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerLiveRoomRoutes } from './routes/live-room.ts';
import { registerLiveKitWebhookRoute } from './routes/livekit-webhook.ts';
import { registerOpenApiRoute } from './routes/openapi.ts';
import { registerOrganiserApiTokenRoutes } from './routes/organiser-api-tokens.ts';
import { registerOrganiserEventRoutes } from './routes/organiser-events.ts';
import { registerPasswordResetRoutes } from './routes/password-reset.ts';
import { registerPollRoutes } from './routes/polls.ts';
import { registerQuestionRoutes } from './routes/questions.ts';
import { registerRecordingCaptionDraftRoutes } from './routes/recording-caption-draft.ts';
import { registerCaptionEditorRoutes } from './routes/recording-caption-editor.ts';
import { registerRecordingCaptionRoutes } from './routes/recording-captions.ts';
import { registerRecordingChapterRoutes } from './routes/recording-chapters.ts';
import { registerRecordingMultipartRoutes } from './routes/recording-multipart.ts';
import { registerRecordingPreviewRoute } from './routes/recording-preview.ts';
import { registerRecordingReviewRoutes } from './routes/recording-review.ts';
import { registerRecordingTrimRoutes } from './routes/recording-trim.ts';
import { registerRecordingUpload } from './routes/recording-upload.ts';
import { registerRecordingRoutes } from './routes/recordings.ts';
import { registerRegistrationRoutes } from './routes/registrations.ts';
import { registerWebApp } from './routes/web-app.ts';
import { registerSecurityHeaders } from './security-headers.ts';

/** How long a client should wait before trying again while the database restarts. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Codes for Fastify's own refusals of a body (its parsers' 413 and 415), like those of our routes. */
const FRAMEWORK_ERROR_CODES: Record<number, string> = { 413: 'too_large', 415: 'unsupported_media_type' };

export async function buildServer(
  deps: ApiDeps,
  options: { webDistDir?: string } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log.child({ component: 'http' }) as FastifyBaseLogger, // No per-request logs: they would carry visitors' addresses and URLs with personal links.
    logController: new LogController({ disableRequestLogging: true }),
    // Believe X-Forwarded-For only from the configured number of proxies in front of us.
    trustProxy: (_address: string, hop: number) => hop < deps.config.trustProxyHops,
    // The router's own refusals (an address that is not valid, a part of it too long) answer in
    // the API's error shape too, without echoing the address back.
    frameworkErrors: (err, _request, reply) => {
      if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
        return sendError(reply, 414, 'address_too_long', 'A part of the address is too long');
      if (err.code === 'FST_ERR_BAD_URL')
        return sendError(reply, 400, 'bad_address', 'The address is not valid');
      return sendError(reply, 500, 'internal', 'Something went wrong on our side');
    },
  });
  closeConnectionsOnShutdown(app);
  acceptEmptyJsonBody(app);
  countHttpRequests(app);
  await registerSecurityHeaders(app, deps.config);
  // Requests are checked and answers written through the routes' schemas (@folkemote/contract).
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler(deps.config.env !== 'production'));
  deferValidationErrors(app);
  if (deps.config.env !== 'production') refuseUndescribedStatuses(app);
  await registerOpenApiDocument(app, deps.config.publicAppUrl);
  app.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
    if (err instanceof z.ZodError) return sendValidationError(reply, err);
    if (err instanceof Refusal) return sendError(reply, err.status, err.code, err.message, err.fields);
    // The database restarting or failing over: a clear answer that says when to try again, not a 500.
    if (isDatabaseUnavailable(err)) {
      request.log.warn({ url: request.url, reason: err.message }, 'database unavailable; answered 503');
      return sendError(
        reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS)),
        503,
        'unavailable',
        'The service is briefly unavailable; try again in a few seconds',
      );
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) request.log.error({ err, cause: err.cause, url: request.url }, 'request failed');
    if (status === 500) return sendError(reply, 500, 'internal', 'Something went wrong on our side');
    return sendError(reply, status, FRAMEWORK_ERROR_CODES[status] ?? 'bad_request', err.message);
  });
  const requireOrganiser = createRequireOrganiser(deps);
  registerHealthRoutes(app, deps);
  registerMetricsRoute(app, deps);
  registerOpenApiRoute(app);
  registerAuthRoutes(app, deps, requireOrganiser);
  registerPasswordResetRoutes(app, deps);
  registerRecordingRoutes(app, deps, requireOrganiser);
  registerRecordingReviewRoutes(app, deps, requireOrganiser);
  registerRecordingPreviewRoute(app, deps, requireOrganiser);
  registerRecordingChapterRoutes(app, deps, requireOrganiser);
  registerEventAutoPublishRoutes(app, deps, requireOrganiser);
  registerEventBroadcastRoutes(app, deps, requireOrganiser);
  registerRecordingUpload(app, deps, requireOrganiser);
  registerRecordingMultipartRoutes(app, deps, requireOrganiser);
  registerRecordingCaptionRoutes(app, deps, requireOrganiser);
  registerCaptionEditorRoutes(app, deps, requireOrganiser);
  registerRecordingCaptionDraftRoutes(app, deps, requireOrganiser);
  registerRecordingTrimRoutes(app, deps, requireOrganiser);
  registerEventRoutes(app, deps);
  registerOrganiserEventRoutes(app, deps, requireOrganiser);
  registerRegistrationRoutes(app, deps);
  registerEventRegistrationRoutes(app, deps, requireOrganiser);
  registerEventStaffRoutes(app, deps, requireOrganiser);
  registerDevOutboxRoutes(app, deps, requireOrganiser);
  registerOrganiserApiTokenRoutes(app, deps, requireOrganiser);
  const qa = createQaContext(app, deps);
  registerQuestionRoutes(app, qa);
  registerPollRoutes(app, qa);
  await registerJobBoard(app, deps);
  // Room streams go through the server's SSE hub, which ends them before the server closes.
  const live = createLiveContext(
    deps,
    streamAccessFor(app, deps),
    channelHubFor(app, deps.redis, deps.log),
    sseHubFor(app),
  );
  app.addHook('onClose', async () => live.audience.close());
  registerLiveRoomRoutes(app, live);
  await registerLiveKitWebhookRoute(app, live);
  await registerWebApp(app, options.webDistDir);
  return app;
}
