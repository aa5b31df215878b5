import { findActiveApiToken } from '@folkemote/db';
import type { FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { sendError } from '../http-errors.ts';
import { CSRF_HEADER, checkCsrf } from './csrf.ts';
import type { RequireOrganiser } from './organiser-context.ts';
import { readOrganiserSession } from './organiser-session.ts';
import { hashSecretToken } from './secret-token.ts';
import { parseCookies, SESSION_COOKIE } from './session-cookie.ts';

/** Origins a signed-in browser may send state-changing requests from: the app's public URL and the host asked for. */
export function allowedOrigins(request: FastifyRequest, publicAppUrl: string): string[] {
  return [new URL(publicAppUrl).origin, `${request.protocol}://${request.host}`];
}

export function readSessionId(request: FastifyRequest): string | undefined {
  return parseCookies(request.headers.cookie).get(SESSION_COOKIE) || undefined;
}

/**
 * The preHandler of every organiser route. An `Authorization: Bearer` API token
 * is checked first and needs no CSRF token (a browser never adds that header on
 * its own); otherwise the session cookie, with the CSRF check for unsafe methods.
 */
export function createRequireOrganiser(deps: Pick<ApiDeps, 'db' | 'config'>): RequireOrganiser {
  // Once a preHandler has sent an answer, Fastify runs nothing further for the request.
  return async (request, reply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) {
        sendError(reply, 401, 'invalid_token', 'Send the API token as "Authorization: Bearer <token>"');
        return;
      }
      const token = await findActiveApiToken(deps.db, hashSecretToken(match[1]!));
      if (!token) {
        sendError(reply, 401, 'invalid_token', 'The API token is unknown or has been revoked');
        return;
      }
      request.organiser = {
        kind: 'token',
        actorId: token.id,
        organisationId: token.organisationId,
        organisationSlug: token.organisationSlug,
      };
      return;
    }

    const sessionId = readSessionId(request);
    const session = sessionId ? await readOrganiserSession(deps.db, sessionId) : null;
    if (!sessionId || !session) {
      sendError(reply, 401, 'not_signed_in', 'Sign in as an organiser to do this');
      return;
    }
    const header = request.headers[CSRF_HEADER];
    const csrf = checkCsrf({
      method: request.method,
      sessionId,
      headerToken: typeof header === 'string' ? header : undefined,
      origin: request.headers.origin,
      allowedOrigins: allowedOrigins(request, deps.config.publicAppUrl),
    });
    if (!csrf.ok) {
      sendError(reply, 403, 'csrf_failed', csrf.reason);
      return;
    }
    request.organiser = {
      kind: 'account',
      actorId: session.account.id,
      organisationId: session.organisation.id,
      organisationSlug: session.organisation.slug,
    };
  };
}
