import { hashSecretToken } from '@folkemote/accounts';
import { findActiveApiToken } from '@folkemote/db';
import type { FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { sendError } from '../http-errors.ts';
import { malformedBearer, readBearerToken } from './bearer-token.ts';
import { CSRF_HEADER, checkCsrf } from './csrf.ts';
import type { OrganiserContext, RequireOrganiser } from './organiser-context.ts';
import { readOrganiserSession } from './organiser-session.ts';
import { parseCookies, SESSION_COOKIE } from './session-cookie.ts';

/** Origins a signed-in browser may send state-changing requests from: the app's public URL and the host asked for. */
export function allowedOrigins(request: FastifyRequest, publicAppUrl: string): string[] {
  return [new URL(publicAppUrl).origin, `${request.protocol}://${request.host}`];
}

export function readSessionId(request: FastifyRequest): string | undefined {
  return parseCookies(request.headers.cookie).get(SESSION_COOKIE) || undefined;
}

export type OrganiserAuthResult =
  | { ok: true; organiser: OrganiserContext }
  | { ok: false; status: 401 | 403; code: string; message: string };

/**
 * Who the organiser behind a request is. An `Authorization: Bearer` API token
 * is checked first and needs no CSRF token (a browser never adds that header on
 * its own); otherwise the session cookie, with the CSRF check for unsafe methods.
 */
export async function authenticateOrganiser(
  deps: Pick<ApiDeps, 'db' | 'config'>,
  request: FastifyRequest,
): Promise<OrganiserAuthResult> {
  const bearer = readBearerToken(request.headers.authorization);
  if (bearer !== undefined) {
    if (bearer === null) return malformedBearer('API token');
    const token = await findActiveApiToken(deps.db, hashSecretToken(bearer));
    if (!token)
      return {
        ok: false,
        status: 401,
        code: 'invalid_token',
        message: 'The API token is unknown or has been revoked',
      };
    return {
      ok: true,
      organiser: {
        kind: 'token',
        actorId: token.id,
        organisationId: token.organisationId,
        organisationSlug: token.organisationSlug,
        displayName: 'API',
      },
    };
  }

  const sessionId = readSessionId(request);
  const session = sessionId ? await readOrganiserSession(deps.db, sessionId) : null;
  if (!sessionId || !session)
    return { ok: false, status: 401, code: 'not_signed_in', message: 'Sign in as an organiser to do this' };
  const header = request.headers[CSRF_HEADER];
  const csrf = checkCsrf({
    method: request.method,
    sessionId,
    headerToken: typeof header === 'string' ? header : undefined,
    origin: request.headers.origin,
    allowedOrigins: allowedOrigins(request, deps.config.publicAppUrl),
  });
  if (!csrf.ok) return { ok: false, status: 403, code: 'csrf_failed', message: csrf.reason };
  return {
    ok: true,
    organiser: {
      kind: 'account',
      actorId: session.account.id,
      organisationId: session.organisation.id,
      organisationSlug: session.organisation.slug,
      displayName: session.account.displayName,
    },
  };
}

/** The preHandler of every organiser route: sets request.organiser or answers with the reason. */
export function createRequireOrganiser(deps: Pick<ApiDeps, 'db' | 'config'>): RequireOrganiser {
  // Once a preHandler has sent an answer, Fastify runs nothing further for the request.
  return async (request, reply) => {
    const result = await authenticateOrganiser(deps, request);
    if (!result.ok) {
      sendError(reply, result.status, result.code, result.message);
      return;
    }
    request.organiser = result.organiser;
  };
}
