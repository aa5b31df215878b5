import {
  errors,
  eventInputBody,
  eventPatchBody,
  organiserErrors,
  organiserEventListSchema,
  organiserEventSchema,
  security,
  slugParams,
} from '@folkemote/contract';
import { listOrganisationEventIds, SlugTakenError } from '@folkemote/db';
import { eventEditDefaults, eventEditSchema, type OrganiserEvent } from '@folkemote/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { cancelEvent } from '../events/cancel-event.ts';
import { createEvent } from '../events/create-event.ts';
import { duplicateEvent } from '../events/duplicate-event.ts';
import { refreshEventBroadcast } from '../events/event-broadcast.ts';
import { createEventNotifier, type EventNotifier } from '../events/event-notifier.ts';
import { loadOrganiserEvent } from '../events/organiser-event-view.ts';
import { ownEvent } from '../events/own-event.ts';
import { publishEvent } from '../events/publish-event.ts';
import { updateEvent } from '../events/update-event.ts';
import { sendError, sendValidationError } from '../http-errors.ts';
import { streamAccessFor } from '../realtime/stream-access.ts';

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
const slugTaken = (reply: FastifyReply, err: SlugTakenError) =>
  sendError(reply, 409, 'slug_taken', err.message, { slug: ['is used by another event'] });
const broadcastLive = (reply: FastifyReply) =>
  sendError(
    reply,
    409,
    'broadcast_live',
    'The event is being broadcast now; end the broadcast in the live room before switching it off',
    { broadcast: ['cannot be switched off while the broadcast is live'] },
  );
const cancelledEvent = (reply: FastifyReply) =>
  sendError(reply, 409, 'event_cancelled', 'A cancelled event cannot be changed or published');

const tags = ['organiser'];
const noEvent = { 404: 'No event with that slug in the organiser’s organisation' } as const;
const slugTakenError = { 409: 'The slug is used by another event (`slug_taken`)' } as const;
const cancelledError = {
  409: 'A cancelled event cannot be changed or published (`event_cancelled`)',
} as const;
const bySlug = (summary: string) => ({ summary, tags, security: security.organiser, params: slugParams });

/**
 * Events as their organisers manage them: every route takes the organiser from
 * requireOrganiser, and another organisation's event is as unknown as a missing one.
 */
export function registerOrganiserEventRoutes(
  server: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
  notifier: EventNotifier = createEventNotifier(deps),
) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const guarded = { preHandler: requireOrganiser };
  const access = streamAccessFor(app, deps);
  /** A broadcast event's live page follows every change of the event. */
  const refreshBroadcast = (event: OrganiserEvent, before = event.broadcast) =>
    refreshEventBroadcast(deps, event.id, { before, after: event.broadcast });

  const listSchema = {
    summary: 'The events of the organiser’s organisation',
    tags,
    security: security.organiser,
    response: { 200: organiserEventListSchema, ...errors(organiserErrors) },
  };
  app.get('/api/organiser/events', { ...guarded, schema: listSchema }, async (request, reply) => {
    const ids = await listOrganisationEventIds(deps.db, request.organiser!.organisationId);
    const events: OrganiserEvent[] = [];
    for (const id of ids) {
      const event = await loadOrganiserEvent(deps.db, id);
      if (event) events.push(event);
    }
    return noStore(reply).send({ events });
  });

  const oneSchema = {
    ...bySlug('One event of the organiser’s organisation'),
    response: { 200: organiserEventSchema, ...errors({ ...organiserErrors, ...noEvent }) },
  };
  app.get('/api/organiser/events/:slug', { ...guarded, schema: oneSchema }, async (request, reply) => {
    const own = await ownEvent(deps, request, reply);
    if (!own) return reply;
    return noStore(reply).send(await loadOrganiserEvent(deps.db, own.id));
  });

  const createSchema = {
    summary: 'Create an event (as a draft) in the organiser’s organisation',
    tags: ['organiser'],
    security: security.organiser,
    body: eventInputBody,
    response: {
      201: organiserEventSchema,
      ...errors({
        400: 'Invalid input; `fields` names each bad field',
        ...organiserErrors,
        ...slugTakenError,
      }),
    },
  };
  app.post('/api/events', { ...guarded, schema: createSchema }, async (request, reply) => {
    // The body's fields are checked by the route's schema; the whole event (times in order, an address where one is needed) here.
    const edit = eventEditSchema.safeParse({ ...eventEditDefaults, ...(request.body as object) });
    if (!edit.success) return sendValidationError(reply, edit.error);
    try {
      const event = await createEvent(deps.db, request.organiser!.organisationId, edit.data);
      await refreshBroadcast(event);
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
    params: slugParams,
    body: eventPatchBody,
    response: {
      200: organiserEventSchema,
      ...errors({
        400: 'Invalid input; `fields` names each bad field',
        ...organiserErrors,
        ...noEvent,
        409: 'The slug is used by another event (`slug_taken`), the event is cancelled (`event_cancelled`), or its broadcast is on the public site now and cannot be switched off (`broadcast_live`)',
      }),
    },
  };
  app.patch('/api/events/:slug', { ...guarded, schema: patchSchema }, async (request, reply) => {
    const own = await ownEvent(deps, request, reply);
    if (!own) return reply;
    const patch = { data: request.body as z.output<typeof eventPatchBody> };
    try {
      const wasBroadcast = (await loadOrganiserEvent(deps.db, own.id))?.broadcast ?? false;
      const result = await updateEvent({ db: deps.db, notifier }, own.id, patch.data);
      if (result.ok) {
        await refreshBroadcast(result.event, wasBroadcast);
        return noStore(reply).send(result.event);
      }
      if (result.reason === 'invalid') return sendValidationError(reply, result.error);
      if (result.reason === 'broadcast_live') return broadcastLive(reply);
      if (result.reason === 'cancelled') return cancelledEvent(reply);
      return sendError(reply, 404, 'event_not_found', 'No event with that slug in your organisation');
    } catch (err) {
      if (err instanceof SlugTakenError) return slugTaken(reply, err);
      throw err;
    }
  });

  const publishSchema = {
    ...bySlug('Publish an event: its page and registration open to the public'),
    response: { 200: organiserEventSchema, ...errors({ ...organiserErrors, ...noEvent, ...cancelledError }) },
  };
  app.post('/api/events/:slug/publish', { ...guarded, schema: publishSchema }, async (request, reply) => {
    const own = await ownEvent(deps, request, reply);
    if (!own) return reply;
    const result = await publishEvent(deps.db, own.id);
    if (result.ok) {
      await refreshBroadcast(result.event);
      return noStore(reply).send(result.event);
    }
    if (result.reason === 'cancelled') return cancelledEvent(reply);
    return sendError(reply, 404, 'event_not_found', 'No event with that slug in your organisation');
  });

  const cancelSchema = {
    ...bySlug('Cancel an event; registrants are told, and its Q&A and room streams end'),
    response: { 200: organiserEventSchema, ...errors({ ...organiserErrors, ...noEvent }) },
  };
  app.post('/api/events/:slug/cancel', { ...guarded, schema: cancelSchema }, async (request, reply) => {
    const own = await ownEvent(deps, request, reply);
    if (!own) return reply;
    const result = await cancelEvent({ db: deps.db, notifier }, own.id);
    if (!result.ok)
      return sendError(reply, 404, 'event_not_found', 'No event with that slug in your organisation');
    // Nobody's Q&A or room stream outlives the event, on any instance.
    if (result.event.status === 'cancelled') await access.withdraw({ scope: 'event', eventId: own.id });
    await refreshBroadcast(result.event);
    return noStore(reply).send(result.event);
  });

  const duplicateSchema = {
    ...bySlug('Copy an event into a new draft'),
    response: { 201: organiserEventSchema, ...errors({ ...organiserErrors, ...noEvent }) },
  };
  app.post('/api/events/:slug/duplicate', { ...guarded, schema: duplicateSchema }, async (request, reply) => {
    const own = await ownEvent(deps, request, reply);
    if (!own) return reply;
    const copy = await duplicateEvent(deps.db, own);
    if (!copy)
      return sendError(reply, 404, 'event_not_found', 'No event with that slug in your organisation');
    await refreshBroadcast(copy);
    return reply.code(201).header('location', `/api/organiser/events/${copy.slug}`).send(copy);
  });
}
