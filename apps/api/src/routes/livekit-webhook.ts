import { errors, liveKitWebhookReceivedSchema, security } from '@folkemote/contract';
import { verifyWebhook, WebhookRejectedError } from '@folkemote/livekit';
import { liveKitWebhooks } from '@folkemote/metrics';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../http-errors.ts';
import { handleLiveKitWebhook } from '../live/handle-livekit-webhook.ts';
import type { LiveContext } from '../live/live-context.ts';

const webhookContentType = 'application/webhook+json';

const webhookSchema = {
  summary: 'A LiveKit webhook (signed by LiveKit)',
  tags: ['live room'],
  security: security.public,
  response: {
    200: liveKitWebhookReceivedSchema,
    ...errors({
      400: 'The event has no id',
      401: 'The signature is missing, forged, altered, expired or for another key',
      413: 'The body is too large',
      415: `The body is not ${webhookContentType}`,
    }),
  },
};

/**
 * POST /api/webhooks/livekit. The signature covers the exact bytes LiveKit sent, so the body is
 * kept as the raw string (in this route's scope only) and verified before anything is parsed
 * or changed. A forged, altered, expired or Bearer-prefixed request gets 401 and changes nothing.
 */
export async function registerLiveKitWebhookRoute(app: FastifyInstance, ctx: LiveContext) {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      webhookContentType,
      { parseAs: 'string', bodyLimit: 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    scope.post('/api/webhooks/livekit', { schema: webhookSchema }, async (request, reply) => {
      if (typeof request.body !== 'string')
        return sendError(reply, 415, 'unsupported_media_type', `Send the event as ${webhookContentType}`);
      let event: Awaited<ReturnType<typeof verifyWebhook>>;
      try {
        event = await verifyWebhook(ctx.deps.config.livekit, request.body, request.headers.authorization);
      } catch (err) {
        if (!(err instanceof WebhookRejectedError)) throw err;
        request.log.warn({ reason: err.reason }, 'LiveKit webhook rejected');
        liveKitWebhooks.inc({ outcome: 'rejected' });
        return sendError(reply, 401, 'invalid_webhook', `The webhook was rejected: ${err.message}`);
      }
      if (!event.id) {
        liveKitWebhooks.inc({ outcome: 'rejected' });
        return sendError(reply, 400, 'invalid_webhook', 'The event has no id');
      }
      const outcome = await handleLiveKitWebhook(ctx, event).catch((err: unknown) => {
        liveKitWebhooks.inc({ outcome: 'failed' });
        throw err;
      });
      liveKitWebhooks.inc({ outcome: outcome === 'repeated' ? 'repeated' : 'processed' });
      return reply.send({ received: true, repeated: outcome === 'repeated' });
    });
  });
}
