import {
  checkInBody,
  errors,
  eventMessageBody,
  eventMessageSentSchema,
  eventRegistrationsSchema,
  nonJson,
  organiserErrors,
  registrationViewSchema,
  roomAttendanceReportSchema,
  security,
  slugIdParams,
  slugParams,
} from '@folkemote/contract';
import {
  countAttendance,
  countRegistrations,
  type EventWithRegistration,
  findEventWithRegistrationBySlug,
  listRegistrations,
  setRegistrationCheckIn,
  toRegistrationView,
} from '@folkemote/db';
import { locales, slugSchema } from '@folkemote/domain';
import { sendEventMessage } from '@folkemote/registration';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import { attendanceCsv } from '../attendance/attendance-csv.ts';
import { attendanceReport } from '../attendance/attendance-report.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import { registrationDepsFrom } from '../registrations/registration-deps-from.ts';
import { registrationsCsv } from '../registrations/registrations-csv.ts';

/** The organiser's event, or an answer: another organisation's event is as unknown as a missing one. */
async function ownEvent(
  deps: ApiDeps,
  request: Pick<FastifyRequest, 'organiser'> & { params: { slug: string } },
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

const listQuerySchema = z.object({
  format: z.enum(['json', 'csv'], 'format must be "json" or "csv"').optional(),
  /** The language of the CSV's headers and values: the organiser's own; the event's without it. */
  lang: z.enum(locales, 'lang must be "nb", "nn" or "en"').optional(),
});

/**
 * Organiser routes: the registrations list (JSON or CSV), the attendance in the live room (JSON or
 * CSV) and a message to everyone registered.
 */
export function registerEventRegistrationRoutes(
  server: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const kit = eventRegistrationKit(server);
  registerRegistrationList(deps, requireOrganiser, kit);
  registerAttendanceReport(deps, requireOrganiser, kit);
  registerCheckIn(deps, requireOrganiser, kit);
  registerEventMessage(deps, requireOrganiser, kit);
}

/** What the registration routes share: the typed app, the tags and the answers they describe alike. */
function eventRegistrationKit(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['organiser'];
  const noEvent = { 404: 'No event with that slug in the organiser’s organisation' } as const;
  const badQuery = { 400: 'format is not json or csv, or lang not nb, nn or en (`invalid_query`)' } as const;
  const invalid = { 400: 'Invalid input; `fields` names each bad field' } as const;
  const bySlug = (summary: string) => ({ summary, tags, security: security.organiser, params: slugParams });
  const jsonOrCsv = (description: string, schema: z.ZodType, csv: string) => ({
    description,
    content: {
      'application/json': { schema },
      'text/csv': nonJson('text/csv', csv).content['text/csv'],
    },
  });
  return { app, tags, noEvent, badQuery, invalid, bySlug, jsonOrCsv };
}

function registerRegistrationList(
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
  kit: ReturnType<typeof eventRegistrationKit>,
) {
  const { app, noEvent, badQuery, bySlug, jsonOrCsv } = kit;
  app.get(
    '/api/events/:slug/registrations',
    {
      preHandler: requireOrganiser,
      schema: {
        ...bySlug('The event’s registrations and their counts, or `format=csv`: the list for Excel'),
        response: {
          200: jsonOrCsv(
            'The registrations, or the list as CSV',
            eventRegistrationsSchema,
            'Every registration',
          ),
          ...errors({ ...badQuery, ...organiserErrors, ...noEvent }),
        },
      },
    },
    async (request, reply) => {
      const event = await ownEvent(deps, request, reply);
      if (!event) return reply;
      const query = listQuerySchema.safeParse(request.query ?? {});
      if (!query.success)
        return sendError(reply, 400, 'invalid_query', query.error.issues[0]?.message ?? 'Invalid query');
      const registrations = (await listRegistrations(deps.db, event.id)).map(toRegistrationView);
      reply.header('cache-control', 'no-store');
      if (query.data.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${event.slug}-registrations.csv"`)
          .send(registrationsCsv(registrations, event.customQuestions, query.data.lang ?? event.language));
      }
      return {
        counts: await countRegistrations(deps.db, event.id),
        // A hybrid event's organiser sees how many come in person and how many online.
        attendance: event.mode === 'hybrid' ? await countAttendance(deps.db, event.id) : null,
        capacity: event.capacity,
        registrations,
      };
    },
  );
}

function registerAttendanceReport(
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
  kit: ReturnType<typeof eventRegistrationKit>,
) {
  const { app, noEvent, badQuery, bySlug, jsonOrCsv } = kit;
  // Who of the registrants was in the live room, first when and how long (JSON or CSV).
  app.get(
    '/api/events/:slug/attendance',
    {
      preHandler: requireOrganiser,
      schema: {
        ...bySlug('Who of the registrants was in the live room, first when and how long, or `format=csv`'),
        response: {
          200: jsonOrCsv(
            'The attendance, or its list as CSV',
            roomAttendanceReportSchema,
            'Every registrant’s attendance',
          ),
          ...errors({ ...badQuery, ...organiserErrors, ...noEvent }),
        },
      },
    },
    async (request, reply) => {
      const event = await ownEvent(deps, request, reply);
      if (!event) return reply;
      const query = listQuerySchema.safeParse(request.query ?? {});
      if (!query.success)
        return sendError(reply, 400, 'invalid_query', query.error.issues[0]?.message ?? 'Invalid query');
      const report = await attendanceReport(deps, event);
      reply.header('cache-control', 'no-store');
      if (query.data.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${event.slug}-attendance.csv"`)
          .send(attendanceCsv(report.registrants, query.data.lang ?? event.language));
      }
      return report;
    },
  );
}

function registerCheckIn(
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
  kit: ReturnType<typeof eventRegistrationKit>,
) {
  const { app, invalid } = kit;
  // Ticking a registrant off at the door of an on-site event, and taking the tick back.
  app.put(
    '/api/events/:slug/registrations/:id/check-in',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'Tick a registrant off at the door, or take the tick back',
        tags: ['organiser'],
        security: security.organiser,
        params: slugIdParams,
        body: checkInBody,
        response: {
          200: registrationViewSchema,
          ...errors({
            ...invalid,
            ...organiserErrors,
            404: 'No such event in the organisation, or no confirmed registration with that id for it',
          }),
        },
      },
    },
    async (request, reply) => {
      const event = await ownEvent(deps, request, reply);
      if (!event) return reply;
      const id = z.uuid().safeParse(request.params.id);
      const body = { data: request.body as z.output<typeof checkInBody> };
      const row = id.success
        ? await setRegistrationCheckIn(deps.db, event.id, id.data, body.data.checkedIn)
        : null;
      if (!row)
        return sendError(
          reply,
          404,
          'registration_not_found',
          'No confirmed registration with that id for this event',
        );
      return reply.header('cache-control', 'no-store').send(toRegistrationView(row));
    },
  );
}

function registerEventMessage(
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
  kit: ReturnType<typeof eventRegistrationKit>,
) {
  const { app, noEvent, invalid } = kit;
  app.post(
    '/api/events/:slug/messages',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'E-mail everyone confirmed or waiting',
        tags: ['organiser'],
        security: security.organiser,
        params: slugParams,
        body: eventMessageBody,
        response: {
          202: eventMessageSentSchema,
          ...errors({ ...invalid, ...organiserErrors, ...noEvent }),
        },
      },
    },
    async (request, reply) => {
      const event = await ownEvent(deps, request, reply);
      if (!event) return reply;
      const input = { data: request.body as z.output<typeof eventMessageBody> };
      const sent = await sendEventMessage(registrationDepsFrom(deps), event.id, input.data);
      return reply.code(202).send(sent);
    },
  );
}
