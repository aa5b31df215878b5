import { security, staffInviteBody } from '@folkemote/contract';
import { type EventStaffRow, listEventStaff, revokeEventStaff } from '@folkemote/db';
import { staffInviteSchema } from '@folkemote/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { ownEvent } from '../events/own-event.ts';
import { sendError, sendValidationError } from '../http-errors.ts';
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

  app.get<{ Params: { slug: string } }>(
    '/api/organiser/events/:slug/staff',
    guarded,
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
        tags: ['organiser'],
        security: security.organiser,
        body: staffInviteBody,
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
    guarded,
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
