import { hashSecretToken } from '@folkemote/accounts';
import {
  authOptionsSchema,
  errors,
  loginBodySchema,
  noContent,
  oidcStartQuery,
  organiserErrors,
  organiserSessionSchema,
  redirect,
  security,
} from '@folkemote/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import { createLoginRateLimit } from '../auth/login-rate-limit.ts';
import { createOidcSignIn, safeNextPath } from '../auth/oidc-sign-in.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import {
  createOrganiserSession,
  endOrganiserSession,
  readOrganiserSession,
} from '../auth/organiser-session.ts';
import { allowedOrigins, readSessionId } from '../auth/require-organiser.ts';
import { clearSessionCookie, serializeSessionCookie } from '../auth/session-cookie.ts';
import { signInWithPassword } from '../auth/sign-in-with-password.ts';
import { createVerificationGate, verificationLimits } from '../auth/verification-gate.ts';
import { sendError } from '../http-errors.ts';
import { streamAccessFor } from '../realtime/stream-access.ts';

/**
 * Sign-in and sign-out for organisers: local passwords always, the configured
 * OpenID Connect provider when there is one. The session id travels only in an
 * HttpOnly cookie; the CSRF token for it comes from GET /api/auth/session.
 */
export function registerAuthRoutes(app: FastifyInstance, deps: ApiDeps, requireOrganiser: RequireOrganiser) {
  const kit = authKit(app, deps);
  registerPasswordSignIn(app, deps, kit);
  registerSessionRoutes(app, deps, kit, requireOrganiser);
  registerOidcRoutes(app, deps, kit);
}

type AuthKit = ReturnType<typeof authKit>;
const tags = ['auth'];
const noOidc = { 404: 'No OpenID Connect provider is configured' } as const;

/** What the sign-in routes share: the cookie settings, the limits, the provider and the streams to end. */
function authKit(app: FastifyInstance, deps: ApiDeps) {
  const secure = deps.config.publicAppUrl.startsWith('https:');
  const ttlHours = deps.config.auth.sessionTtlHours;
  const rateLimit = createLoginRateLimit(deps.redis, deps.config.redis.queuePrefix);
  const { atOnce, waiting } = deps.config.auth.passwordChecks;
  const gate = createVerificationGate({ ...verificationLimits, concurrent: atOnce, waiting });
  const access = streamAccessFor(app, deps);
  const oidcSettings = deps.config.auth.oidc;
  const oidc = oidcSettings
    ? createOidcSignIn({
        db: deps.db,
        redis: deps.redis,
        settings: oidcSettings,
        publicAppUrl: deps.config.publicAppUrl,
        keyPrefix: deps.config.redis.queuePrefix,
      })
    : null;
  const setSession = (reply: FastifyReply, sessionId: string, expiresAt: Date) =>
    reply.header(
      'set-cookie',
      serializeSessionCookie(sessionId, { secure, maxAgeSeconds: (expiresAt.getTime() - Date.now()) / 1000 }),
    );

  return { secure, ttlHours, rateLimit, gate, access, oidc, setSession };
}

function registerPasswordSignIn(app: FastifyInstance, deps: ApiDeps, kit: AuthKit) {
  const { oidc, rateLimit, gate, ttlHours, setSession } = kit;
  const optionsRoute = {
    schema: { summary: 'The ways to sign in here', tags: ['auth'], response: { 200: authOptionsSchema } },
  };
  app.get('/api/auth/options', optionsRoute, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ password: true, oidc: oidc !== null }),
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        summary: 'Sign in with e-mail and password',
        tags: ['auth'],
        security: security.public,
        body: loginBodySchema,
        response: {
          200: organiserSessionSchema,
          ...errors({
            400: 'Invalid input; `fields` names each bad field',
            401: 'The e-mail address or password is wrong',
            403: 'The request came from another site',
            429: 'Too many failed sign-ins; Retry-After says when to try again',
            503: 'Too many sign-ins at once; Retry-After says when to try again',
          }),
        },
      },
    },
    async (request, reply) => {
      // A login form posted from another site would sign the visitor in as someone else.
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedOrigins(request, deps.config.publicAppUrl).includes(origin))
        return sendError(reply, 403, 'csrf_failed', 'The request came from another site');
      const body = { data: request.body as z.output<typeof loginBodySchema> };
      const result = await signInWithPassword(
        { db: deps.db, rateLimit, gate, sessionTtlHours: ttlHours },
        { ...body.data, ip: request.ip },
      );
      if (!result.ok && result.reason === 'rate_limited') {
        const who = result.scope === 'account' ? 'this account' : 'your network address';
        return sendError(
          reply.header('retry-after', String(result.retryAfterSeconds)),
          429,
          'too_many_attempts',
          `Too many failed sign-ins for ${who}. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`,
        );
      }
      if (!result.ok && result.reason === 'busy')
        return sendError(
          reply.header('retry-after', String(result.retryAfterSeconds)),
          503,
          'busy',
          'Too many sign-ins right now. Try again in a few seconds.',
        );
      if (!result.ok)
        return sendError(reply, 401, 'invalid_credentials', 'The e-mail address or password is wrong');
      const session = await readOrganiserSession(deps.db, result.sessionId);
      return setSession(reply, result.sessionId, result.expiresAt)
        .header('cache-control', 'no-store')
        .send(session);
    },
  );
}

function registerSessionRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  kit: AuthKit,
  requireOrganiser: RequireOrganiser,
) {
  const { secure, access } = kit;
  app.get(
    '/api/auth/session',
    {
      schema: {
        summary: 'The signed-in organiser, and the CSRF token for the session',
        tags,
        security: [{ sessionCookie: [] }],
        response: { 200: organiserSessionSchema, ...errors({ 401: 'Not signed in' }) },
      },
    },
    async (request, reply) => {
      const sessionId = readSessionId(request);
      const session = sessionId ? await readOrganiserSession(deps.db, sessionId) : null;
      reply.header('cache-control', 'no-store');
      if (!session) return sendError(reply, 401, 'not_signed_in', 'Not signed in');
      return session;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'Sign out: the session ends, and the streams open with it',
        tags,
        security: security.signedIn,
        response: {
          204: noContent,
          ...errors({ 400: 'The caller is an API token, not a browser session', ...organiserErrors }),
        },
      },
    },
    async (request, reply) => {
      const sessionId = readSessionId(request);
      if (request.organiser?.kind !== 'account' || !sessionId)
        return sendError(
          reply,
          400,
          'not_a_session',
          'Only a browser session can sign out; revoke API tokens instead',
        );
      await endOrganiserSession(deps.db, sessionId);
      // The session's open Q&A and room streams end too, on every instance.
      await access.withdraw({ scope: 'grant', kind: 'organiser_session', id: hashSecretToken(sessionId) });
      return reply.header('set-cookie', clearSessionCookie({ secure })).code(204).send();
    },
  );
}

function registerOidcRoutes(app: FastifyInstance, deps: ApiDeps, kit: AuthKit) {
  const { oidc, ttlHours, setSession } = kit;
  app.get<{ Querystring: { next?: string } }>(
    '/api/auth/oidc/start',
    {
      schema: {
        summary: 'Sign in with the OpenID Connect provider: a redirect to it',
        tags,
        security: security.public,
        querystring: oidcStartQuery,
        response: {
          302: redirect('To the provider’s sign-in page'),
          ...errors({ ...noOidc, 502: 'The provider does not answer' }),
        },
      },
    },
    async (request, reply) => {
      if (!oidc)
        return sendError(reply, 404, 'oidc_not_configured', 'No OpenID Connect provider is configured');
      try {
        const { url, cookie } = await oidc.start(safeNextPath(request.query.next));
        return reply
          .header('cache-control', 'no-store')
          .header('set-cookie', cookie)
          .redirect(url.toString(), 302);
      } catch (err) {
        request.log.warn({ err }, 'OpenID Connect provider unreachable');
        return sendError(reply, 502, 'oidc_unavailable', 'The sign-in provider does not answer');
      }
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        summary: 'Where the provider sends the organiser back: a redirect into the app',
        tags,
        security: security.public,
        response: {
          302: redirect('Signed in: to the page asked for; refused: to the sign-in page with `error`'),
          ...errors(noOidc),
        },
      },
    },
    async (request, reply) => {
      if (!oidc)
        return sendError(reply, 404, 'oidc_not_configured', 'No OpenID Connect provider is configured');
      const outcome = await oidc.finish(
        new URL(request.url, deps.config.publicAppUrl),
        request.headers.cookie,
      );
      // The binding is used up whatever the outcome.
      reply.header('cache-control', 'no-store').header('set-cookie', oidc.clearCookie);
      if (!outcome.ok) return reply.redirect(`/organiser/sign-in?error=${outcome.reason}`, 302);
      const session = await createOrganiserSession(deps.db, outcome.accountId, ttlHours);
      return setSession(reply, session.sessionId, session.expiresAt).redirect(outcome.next, 302);
    },
  );
}
