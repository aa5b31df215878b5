import { hashSecretToken } from '@folkemote/accounts';
import type { StreamGrantKind } from '@folkemote/queue';
import type { FastifyRequest } from 'fastify';
import { readBearerToken } from '../auth/bearer-token.ts';
import { readSessionId } from '../auth/require-organiser.ts';
import type { EventActor } from './event-actor.ts';

/** The right an event stream was opened with, by ids only: what has to be withdrawn to end it. */
export interface StreamGrant {
  kind: StreamGrantKind;
  id: string;
}

/**
 * What let `actor` in, as resolveEventActor found it: the registration or staff
 * link, or for an organiser the API token (Bearer) or the session (cookie),
 * kept as the session id's hash, the form the database knows it by.
 */
export function streamGrantOf(actor: EventActor, request: FastifyRequest): StreamGrant {
  if (actor.kind !== 'organiser') return { kind: actor.kind, id: actor.id };
  if (readBearerToken(request.headers.authorization) !== undefined)
    return { kind: 'api_token', id: actor.id };
  return { kind: 'organiser_session', id: hashSecretToken(readSessionId(request) ?? '') };
}
