import type { PublicEvent } from '@folkemote/domain';
import type { FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { malformedBearer, readBearerToken } from '../auth/bearer-token.ts';
import { authenticateOrganiser, readSessionId } from '../auth/require-organiser.ts';
import { type ActorResult, identityFor } from './event-actor.ts';
import { resolveJoinToken } from './resolve-join-token.ts';

/**
 * Who is acting on an event's room or Q&A. `Authorization: Bearer` carries a
 * personal link token, a staff link token (`fmp_…`) or an organiser API token
 * (`fmt_…`); without it, the organiser session cookie (CSRF-checked on unsafe
 * methods). Organisers of the event's organisation act as hosts.
 */
export async function resolveEventActor(
  deps: Pick<ApiDeps, 'db' | 'config'>,
  request: FastifyRequest,
  event: Pick<PublicEvent, 'id' | 'organisation'>,
): Promise<ActorResult> {
  const bearer = readBearerToken(request.headers.authorization);
  if (bearer === null) return malformedBearer('link token');
  if (bearer !== undefined) {
    if (!bearer.startsWith('fmt_')) return resolveJoinToken(deps, bearer, event.id);
  } else if (!readSessionId(request)) {
    return {
      ok: false,
      status: 401,
      code: 'not_signed_in',
      message: 'Open the webinar from your personal link, or sign in as an organiser',
    };
  }
  const organiser = await authenticateOrganiser(deps, request);
  if (!organiser.ok) return organiser;
  if (organiser.organiser.organisationSlug !== event.organisation.slug)
    return {
      ok: false,
      status: 403,
      code: 'not_your_event',
      message: 'This event belongs to another organisation',
    };
  const { actorId, displayName } = organiser.organiser;
  return {
    ok: true,
    actor: {
      kind: 'organiser',
      id: actorId,
      eventId: event.id,
      role: 'host',
      displayName,
      identity: identityFor('organiser', actorId),
    },
  };
}
