import { registrationInputBody, security } from '@folkemote/contract';
import { findEventWithRegistrationById } from '@folkemote/db';
import { registrationInputSchema, slugSchema } from '@folkemote/domain';
import { registrations } from '@folkemote/metrics';
import { publishRoomChange } from '@folkemote/queue';
import {
  announceRegistration,
  cancelRegistration,
  createRegistration,
  deleteRegistrantData,
  getRegistrationByToken,
  RegistrationError,
  startRegistrationOutboxSweep,
} from '@folkemote/registration';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import { readBearerToken } from '../auth/bearer-token.ts';
import { toPublicEventPage } from '../events/public-event-page.ts';
import { sendError, sendValidationError } from '../http-errors.ts';
import { publishQuestionChanges } from '../questions/question-deps.ts';
import { channelHubFor } from '../realtime/channel-hub.ts';
import { streamAccessFor } from '../realtime/stream-access.ts';
import { registrationDepsFrom } from '../registrations/registration-deps-from.ts';
import { createRegistrationRateLimit } from '../registrations/registration-rate-limit.ts';
import { sendRegistrationError } from '../registrations/send-registration-error.ts';

function bearerToken(request: FastifyRequest): string {
  const token = readBearerToken(request.headers.authorization);
  if (!token)
    throw new RegistrationError(
      'invalid_link',
      'Send the personal link token as "Authorization: Bearer <token>"',
    );
  return token;
}

/**
 * The public side of registration: the form's POST, and what a registrant can
 * do with their personal link (the token in `Authorization: Bearer`).
 */
export function registerRegistrationRoutes(app: FastifyInstance, deps: ApiDeps) {
  const registration = registrationDepsFrom(deps);
  const rateLimit = createRegistrationRateLimit(
    deps.redis,
    deps.config.redis.queuePrefix,
    deps.config.registration.rateLimit,
    deps.config.registration.rateWindowSeconds,
  );
  // Confirmations left in the outbox by a process that stopped between its commit and the hand-off.
  const outboxSweep = startRegistrationOutboxSweep(registration, {
    onError: (err) => deps.log.error({ err }, 'registration outbox hand-off failed'),
  });
  app.addHook('onClose', () => outboxSweep.stop());
  const hub = channelHubFor(app, deps.redis, deps.log);
  /** A cancelled or deleted registration's open Q&A and room streams end on every instance. */
  const access = streamAccessFor(app, deps);
  /** Tells the event's live Q&A viewers, on every instance, that questions are gone; they also poll. */
  const announceQuestionChanges = (eventId: string, seq: number) =>
    publishQuestionChanges(hub, deps.config.redis.queuePrefix, eventId, seq).catch((err) =>
      deps.log.warn({ err, eventId }, 'Q&A change not announced'),
    );
  /** Tells the event's room views, on every instance, that a registrant's place (and name) is gone. */
  const announceRoomChange = (eventId: string) =>
    publishRoomChange(hub, deps.config.redis.queuePrefix, eventId).catch((err) =>
      deps.log.warn({ err, eventId }, 'room change not announced'),
    );

  app.post<{ Params: { slug: string } }>(
    '/api/events/:slug/registrations',
    {
      schema: {
        summary: 'Register for an event',
        tags: ['public'],
        security: security.public,
        body: registrationInputBody,
      },
    },
    async (request, reply) => {
      const slug = slugSchema.safeParse(request.params.slug);
      if (!slug.success)
        return sendError(reply, 404, 'event_not_found', 'No published event with that address');
      // Lets a batch about to be written for this event wait for this registration (see registration-batches.ts).
      const arrival = announceRegistration(registration, slug.data);
      try {
        const waitSeconds = await rateLimit.hit(request.ip);
        if (waitSeconds !== null)
          return sendError(
            reply.header('retry-after', String(waitSeconds)),
            429,
            'rate_limited',
            `Too many registrations from this network; try again in ${Math.ceil(waitSeconds / 60)} minutes`,
          );
        const input = { data: request.body as z.output<typeof registrationInputBody> };
        if (input.data.website)
          return sendError(reply, 400, 'rejected', 'The form was filled in as only automated senders do', {
            website: ['must be left empty'],
          });
        const created = await createRegistration(registration, slug.data, input.data, new Date(), arrival);
        registrations.inc({ outcome: created.alreadyRegistered ? 'repeated' : created.status });
        return reply.code(created.alreadyRegistered ? 200 : 201).send(created);
      } catch (err) {
        return sendRegistrationError(reply, err);
      } finally {
        arrival.withdraw();
      }
    },
  );

  app.get('/api/registrations/me', async (request, reply) => {
    try {
      const own = await getRegistrationByToken(deps, bearerToken(request));
      return reply.header('cache-control', 'no-store').send({
        registration: own.registration,
        event: await toPublicEventPage(deps.db, deps.s3Settings.publicBaseUrl, own.event),
      });
    } catch (err) {
      return sendRegistrationError(reply, err);
    }
  });

  app.post('/api/registrations/me/cancel', async (request, reply) => {
    try {
      const own = await getRegistrationByToken(deps, bearerToken(request));
      await cancelRegistration(registration, own.registrationId);
      await access.withdraw({
        scope: 'grant',
        kind: 'registration',
        id: own.registrationId,
        eventId: own.eventId,
      });
      const after = await getRegistrationByToken(deps, bearerToken(request));
      return reply.header('cache-control', 'no-store').send({ registration: after.registration });
    } catch (err) {
      return sendRegistrationError(reply, err);
    }
  });

  app.delete('/api/registrations/me', async (request, reply) => {
    try {
      const own = await getRegistrationByToken(deps, bearerToken(request));
      const deletion = await deleteRegistrantData(registration, own.registrationId);
      await access.withdraw({
        scope: 'grant',
        kind: 'registration',
        id: own.registrationId,
        eventId: own.eventId,
      });
      if (deletion?.lastQuestionChange != null)
        await announceQuestionChanges(deletion.eventId, deletion.lastQuestionChange);
      if (deletion) await announceRoomChange(deletion.eventId);
      const event = await findEventWithRegistrationById(deps.db, own.eventId);
      return reply.code(200).send({ deleted: true, eventSlug: event?.slug ?? null });
    } catch (err) {
      return sendRegistrationError(reply, err);
    }
  });
}
