import {
  countAttendance,
  countRegistrations,
  type EventWithRegistration,
  findEventWithRegistrationBySlug,
  listRegistrations,
  toRegistrationView,
} from '@folkemote/db';
import { slugSchema } from '@folkemote/domain';
import { eventMessageInputSchema, sendEventMessage } from '@folkemote/registration';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError, sendValidationError } from '../http-errors.ts';
import { registrationDepsFrom } from '../registrations/registration-deps-from.ts';
import { registrationsCsv } from '../registrations/registrations-csv.ts';

/** The organiser's event, or an answer: another organisation's event is as unknown as a missing one. */
async function ownEvent(
  deps: ApiDeps,
  request: FastifyRequest<{ Params: { slug: string } }>,
  reply: FastifyReply,
): Promise<EventWithRegistration | null> {
  const slug = slugSchema.safeParse(request.params.slug);
  const event = slug.success ? await findEventWithRegistrationBySlug(deps.db, slug.data) : null;
  if (!event || event.organisation.slug !== request.organiser?.organisationSlug) {
    sendError(reply, 404, 'event_not_found', 'No event with that slug in your organisation');
    return null;
  }
  return event;
}

/** Organiser routes: the registrations list (JSON or CSV) and a message to everyone registered. */
export function registerEventRegistrationRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  app.get<{ Params: { slug: string }; Querystring: { format?: string } }>(
    '/api/events/:slug/registrations',
    { preHandler: requireOrganiser },
    async (request, reply) => {
      const event = await ownEvent(deps, request, reply);
      if (!event) return reply;
      const registrations = (await listRegistrations(deps.db, event.id)).map(toRegistrationView);
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${event.slug}-registrations.csv"`)
          .send(registrationsCsv(registrations, event.customQuestions, event.language));
      }
      if (request.query.format !== undefined && request.query.format !== 'json')
        return sendError(reply, 400, 'invalid_format', 'format must be "json" or "csv"');
      return {
        counts: await countRegistrations(deps.db, event.id),
        // A hybrid event's organiser sees how many come in person and how many online.
        attendance: event.mode === 'hybrid' ? await countAttendance(deps.db, event.id) : null,
        capacity: event.capacity,
        registrations,
      };
    },
  );

  app.post<{ Params: { slug: string } }>(
    '/api/events/:slug/messages',
    { preHandler: requireOrganiser },
    async (request, reply) => {
      const event = await ownEvent(deps, request, reply);
      if (!event) return reply;
      const input = eventMessageInputSchema.safeParse(request.body ?? {});
      if (!input.success) return sendValidationError(reply, input.error);
      const sent = await sendEventMessage(registrationDepsFrom(deps), event.id, input.data);
      return reply.code(202).send(sent);
    },
  );
}
