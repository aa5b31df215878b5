import {
  errors,
  newStaffLinkSchema,
  noContent,
  organiserErrors,
  security,
  slugIdParams,
  slugParams,
  staffInviteBody,
  staffLinkListSchema,
} from '@folkemote/contract';
import { type EventStaffRow, listEventStaff, revokeEventStaff } from '@folkemote/db';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { ownEvent } from '../events/own-event.ts';
import { sendError } from '../http-errors.ts';
import { createStaffLink } from '../participants/create-staff-link.ts';
import { streamAccessFor } from '../realtime/stream-access.ts';

const toView = (s: EventStaffRow) => ({
  id: s.id,
  role: s.role,
  displayName: s.displayName,
  createdAt: s.createdAt,
  revokedAt: s.revokedAt,
});

/**
 * Links for the people who run a webinar. A link is shown once, when it is
 * made; afterwards only its holder has it, and the organiser can revoke it,
 * which also ends the streams open with it.
 */
export function registerEventStaffRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const guarded = { preHandler: requireOrganiser };
  const access = streamAccessFor(app, deps);

  const tags = ['organiser'];
  const noEvent = { 404: 'No event with that slug in your organisation' } as const;

  app.get<{ Params: { slug: string } }>(
    '/api/organiser/events/:slug/staff',
    {
      ...guarded,
      schema: {
        summary: 'The event’s host, presenter and moderator links (never the links themselves)',
        tags,
        security: security.organiser,
        params: slugParams,
        response: { 200: staffLinkListSchema, ...errors({ ...organiserErrors, ...noEvent }) },
      },
    },
    async (request, reply) => {
      const event = await ownEvent(deps, request, reply);
      if (!event) return reply;
      const staff = await listEventStaff(deps.db, event.id);
      return reply.header('cache-control', 'no-store').send({ staff: staff.map(toView) });
    },
  );

  app.post<{ Params: { slug: string } }>(
    '/api/organiser/events/:slug/staff',
    {
      ...guarded,
      schema: {
        summary: 'Make a host’s, presenter’s or moderator’s link, and e-mail it',
        tags,
        security: security.organiser,
        params: slugParams,
        body: staffInviteBody,
        response: {
          201: newStaffLinkSchema,
          ...errors({
            400: 'Invalid input; `fields` names each bad field',
            ...organiserErrors,
            ...noEvent,
          }),
        },
      },
    },
    async (request, reply) => {
      const event = await ownEvent(deps, request, reply);
      if (!event) return reply;
      const invite = { data: request.body as z.output<typeof staffInviteBody> };
      const { staff, joinUrl, emailed } = await createStaffLink(deps, event, invite.data);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ ...toView(staff), joinUrl, emailed });
    },
  );

  app.delete<{ Params: { slug: string; id: string } }>(
    '/api/organiser/events/:slug/staff/:id',
    {
      ...guarded,
      schema: {
        summary: 'Revoke a link, which also ends the streams open with it',
        tags,
        security: security.organiser,
        params: slugIdParams,
        response: {
          204: noContent,
          ...errors({
            ...organiserErrors,
            404: 'No such event in your organisation, or no active link with that id',
          }),
        },
      },
    },
    async (request, reply) => {
      const event = await ownEvent(deps, request, reply);
      if (!event) return reply;
      const id = z.uuid().safeParse(request.params.id);
      if (!id.success || !(await revokeEventStaff(deps.db, event.id, id.data)))
        return sendError(reply, 404, 'staff_not_found', 'No active link with that id for this event');
      // The link's open Q&A and room streams end on every instance.
      await access.withdraw({ scope: 'grant', kind: 'staff', id: id.data });
      return reply.code(204).send();
    },
  );
}
