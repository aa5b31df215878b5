import { type EventOwnership, findEventOwnership } from '@folkemote/db';
import { slugSchema } from '@folkemote/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { sendError } from '../http-errors.ts';

/**
 * For organiser routes under /api/organiser/events/{slug}: the signed-in organiser's event, or
 * null once a 404 has been sent (another organisation's event is as unknown as a missing one).
 */
export async function ownEvent(
  deps: Pick<ApiDeps, 'db'>,
  request: Pick<FastifyRequest, 'organiser'> & { params: { slug: string } },
  reply: FastifyReply,
): Promise<(EventOwnership & { slug: string }) | null> {
  const slug = slugSchema.safeParse(request.params.slug);
  const event = slug.success ? await findEventOwnership(deps.db, slug.data) : null;
  if (!event || !slug.success || event.organisationId !== request.organiser?.organisationId) {
    sendError(reply, 404, 'event_not_found', 'No event with that slug in your organisation');
    return null;
  }
  return { ...event, slug: slug.data };
}
