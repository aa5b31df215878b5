import {
  errors,
  noContent,
  passwordResetAcceptedSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  security,
} from '@folkemote/contract';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import { createLoginRateLimit } from '../auth/login-rate-limit.ts';
import { passwordResetLimits, requestPasswordReset, resetPassword } from '../auth/password-reset.ts';
import { allowedOrigins } from '../auth/require-organiser.ts';
import { sendError } from '../http-errors.ts';
import { streamAccessFor } from '../realtime/stream-access.ts';

/**
 * "Forgot password" for local accounts: a reset link by e-mail, rate limited per address and per
 * network address, single use, for an hour. Setting the password ends the account's sessions.
 */
export function registerPasswordResetRoutes(app: FastifyInstance, deps: ApiDeps) {
  const rateLimit = createLoginRateLimit(
    deps.redis,
    `${deps.config.redis.queuePrefix}:password-reset`,
    passwordResetLimits.rate,
  );
  const access = streamAccessFor(app, deps);
  const fromOtherSite = (origin: string | undefined, request: Parameters<typeof allowedOrigins>[0]) =>
    origin !== undefined && !allowedOrigins(request, deps.config.publicAppUrl).includes(origin);

  app.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        summary: 'Ask for a password reset link by e-mail',
        tags: ['auth'],
        security: security.public,
        body: passwordResetRequestSchema,
        response: {
          202: passwordResetAcceptedSchema,
          ...errors({
            400: 'Invalid input; `fields` names each bad field',
            403: 'The request came from another site',
            429: 'Too many reset links asked for; Retry-After says when to try again',
          }),
        },
      },
    },
    async (request, reply) => {
      if (fromOtherSite(request.headers.origin, request))
        return sendError(reply, 403, 'csrf_failed', 'The request came from another site');
      const body = { data: request.body as z.output<typeof passwordResetRequestSchema> };
      const result = await requestPasswordReset({ ...deps, rateLimit }, { ...body.data, ip: request.ip });
      if (!result.ok)
        return sendError(
          reply.header('retry-after', String(result.retryAfterSeconds)),
          429,
          'too_many_attempts',
          `Too many reset links asked for. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`,
          undefined,
          { retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) },
        );
      // Answered before the account is looked up; a failure to send is logged without the address.
      result.sending.catch((err: unknown) => request.log.error({ err }, 'password reset e-mail not queued'));
      return reply.code(202).header('cache-control', 'no-store').send({ accepted: true });
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        summary: 'Set a new password with a reset link’s token',
        tags: ['auth'],
        security: security.public,
        body: passwordResetSchema,
        response: {
          204: noContent,
          ...errors({
            400: 'Invalid input, or the reset link is used, expired or unknown (`reset_link_invalid`)',
            403: 'The request came from another site',
          }),
        },
      },
    },
    async (request, reply) => {
      if (fromOtherSite(request.headers.origin, request))
        return sendError(reply, 403, 'csrf_failed', 'The request came from another site');
      const body = { data: request.body as z.output<typeof passwordResetSchema> };
      const ended = await resetPassword(deps, body.data);
      if (!ended)
        return sendError(
          reply,
          400,
          'reset_link_invalid',
          'The reset link is used, expired or unknown; ask for a new one',
        );
      // The ended sessions' open Q&A and room streams end too, on every instance.
      for (const idHash of ended)
        await access.withdraw({ scope: 'grant', kind: 'organiser_session', id: idHash });
      return reply.code(204).header('cache-control', 'no-store').send();
    },
  );
}
