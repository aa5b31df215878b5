import { findEventBySlug } from '@folkemote/db';
import { type EventRole, type PublicEvent, slugSchema } from '@folkemote/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { sendError } from '../http-errors.ts';
import type { EventActor } from './event-actor.ts';
import { resolveEventActor } from './resolve-event-actor.ts';

/**
 * For routes under /api/events/{slug}/…: the event and who is acting on it, or
 * null once an error has been sent (404 unknown event, 401/403 from the link or
 * session, 403 when the actor's role is not among `roles`).
 */
export async function requireEventActor(
  deps: Pick<ApiDeps, 'db' | 'config'>,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  roles?: readonly EventRole[],
): Promise<{ event: PublicEvent; actor: EventActor } | null> {
  const event = await requireEvent(deps, reply, slug);
  if (!event) return null;
  const result = await resolveEventActor(deps, request, event);
  if (!result.ok) {
    sendError(reply, result.status, result.code, result.message);
    return null;
  }
  if (roles && !roles.includes(result.actor.role)) {
    sendError(reply, 403, 'forbidden_for_role', `This is not open to the ${result.actor.role} role`);
    return null;
  }
  return { event, actor: result.actor };
}

/** The event of a /api/events/{slug}/… route, or null once a 404 has been sent. */
export async function requireEvent(
  deps: Pick<ApiDeps, 'db'>,
  reply: FastifyReply,
  slug: string,
): Promise<PublicEvent | null> {
  const parsed = slugSchema.safeParse(slug);
  const event = parsed.success ? await findEventBySlug(deps.db, parsed.data) : null;
  if (!event) sendError(reply, 404, 'event_not_found', 'No event with that slug');
  return event;
}
