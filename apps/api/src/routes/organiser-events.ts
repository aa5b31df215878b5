import { eventInputBody, eventPatchBody, security } from '@folkemote/contract';
import { listOrganisationEventIds, SlugTakenError } from '@folkemote/db';
import { eventEditDefaults, eventEditSchema, eventPatchSchema, type OrganiserEvent } from '@folkemote/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { cancelEvent } from '../events/cancel-event.ts';
import { createEvent } from '../events/create-event.ts';
import { duplicateEvent } from '../events/duplicate-event.ts';
import { createEventNotifier, type EventNotifier } from '../events/event-notifier.ts';
import { loadOrganiserEvent } from '../events/organiser-event-view.ts';
import { ownEvent } from '../events/own-event.ts';
import { publishEvent } from '../events/publish-event.ts';
import { updateEvent } from '../events/update-event.ts';
import { sendError, sendValidationError } from '../http-errors.ts';
import { streamAccessFor } from '../realtime/stream-access.ts';

const isObject = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

/**
 * Events as their organisers manage them: every route takes the organiser from
 * requireOrganiser, and another organisation's event is as unknown as a missing one.
 */
export function registerOrganiserEventRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
  notifier: EventNotifier = createEventNotifier(deps),
) {
  const guarded = { preHandler: requireOrganiser };
  const access = streamAccessFor(app, deps);
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  const slugTaken = (reply: FastifyReply, err: SlugTakenError) =>
    sendError(reply, 409, 'slug_taken', err.message, { slug: ['is used by another event'] });
  const cancelledEvent = (reply: FastifyReply) =>
    sendError(reply, 409, 'event_cancelled', 'A cancelled event cannot be changed or published');

  app.get('/api/organiser/events', guarded, async (request, reply) => {
    const ids = await listOrganisationEventIds(deps.db, request.organiser!.organisationId);
    const events: OrganiserEvent[] = [];
    for (const id of ids) {
      const event = await loadOrganiserEvent(deps.db, id);
      if (event) events.push(event);
    }
    return noStore(reply).send({ events });
  });

  app.get<{ Params: { slug: string } }>('/api/organiser/events/:slug', guarded, async (request, reply) => {
    const own = await ownEvent(deps, request, reply);
    if (!own) return reply;
    return noStore(reply).send(await loadOrganiserEvent(deps.db, own.id));
  });

  const createSchema = {
    summary: 'Create an event (as a draft) in the organiser’s organisation',
    tags: ['organiser'],
    security: security.organiser,
    body: eventInputBody,
  };
  app.post('/api/events', { ...guarded, schema: createSchema }, async (request, reply) => {
    // The body's fields are checked by the route's schema; the whole event (times in order, an address where one is needed) here.
    const edit = eventEditSchema.safeParse({ ...eventEditDefaults, ...(request.body as object) });
    if (!edit.success) return sendValidationError(reply, edit.error);
    try {
      const event = await createEvent(deps.db, request.organiser!.organisationId, edit.data);
      return reply.code(201).header('location', `/api/organiser/events/${event.slug}`).send(event);
    } catch (err) {
      if (err instanceof SlugTakenError) return slugTaken(reply, err);
      throw err;
    }
  });

  const patchSchema = {
    summary: 'Change an event; registrants are told when time, place or title of a published event change',
    tags: ['organiser'],
    security: security.organiser,
    body: eventPatchBody,
  };
  app.patch<{ Params: { slug: string } }>(
    '/api/events/:slug',
    { ...guarded, schema: patchSchema },
    async (request, reply) => {
      const own = await ownEvent(deps, request, reply);
      if (!own) return reply;
      const patch = { data: request.body as z.output<typeof eventPatchBody> };
      try {
        const result = await updateEvent({ db: deps.db, notifier }, own.id, patch.data);
        if (result.ok) return noStore(reply).send(result.event);
        if (result.reason === 'invalid') return sendValidationError(reply, result.error);
        if (result.reason === 'cancelled') return cancelledEvent(reply);
        return sendError(reply, 404, 'event_not_found', 'No event with that slug in your organisation');
      } catch (err) {
        if (err instanceof SlugTakenError) return slugTaken(reply, err);
        throw err;
      }
    },
  );

  app.post<{ Params: { slug: string } }>('/api/events/:slug/publish', guarded, async (request, reply) => {
    const own = await ownEvent(deps, request, reply);
    if (!own) return reply;
    const result = await publishEvent(deps.db, own.id);
    if (result.ok) return noStore(reply).send(result.event);
    if (result.reason === 'cancelled') return cancelledEvent(reply);
    return sendError(reply, 404, 'event_not_found', 'No event with that slug in your organisation');
  });

  app.post<{ Params: { slug: string } }>('/api/events/:slug/cancel', guarded, async (request, reply) => {
    const own = await ownEvent(deps, request, reply);
    if (!own) return reply;
    const result = await cancelEvent({ db: deps.db, notifier }, own.id);
    if (!result.ok)
      return sendError(reply, 404, 'event_not_found', 'No event with that slug in your organisation');
    // Nobody's Q&A or room stream outlives the event, on any instance.
    if (result.event.status === 'cancelled') await access.withdraw({ scope: 'event', eventId: own.id });
    return noStore(reply).send(result.event);
  });

  app.post<{ Params: { slug: string } }>('/api/events/:slug/duplicate', guarded, async (request, reply) => {
    const own = await ownEvent(deps, request, reply);
    if (!own) return reply;
    const copy = await duplicateEvent(deps.db, own);
    if (!copy)
      return sendError(reply, 404, 'event_not_found', 'No event with that slug in your organisation');
    return reply.code(201).header('location', `/api/organiser/events/${copy.slug}`).send(copy);
  });
}
