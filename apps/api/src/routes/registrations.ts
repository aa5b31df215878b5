import {
  cancelledRegistrationSchema,
  errors,
  ownRegistrationSchema,
  registrantDataDeletedSchema,
  registrationInputBody,
  registrationResultSchema,
  security,
  slugParams,
} from '@folkemote/contract';
import { findEventWithRegistrationById } from '@folkemote/db';
import { slugSchema } from '@folkemote/domain';
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
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import { readBearerToken } from '../auth/bearer-token.ts';
import { toPublicEventPage } from '../events/public-event-page.ts';
import { sendError } from '../http-errors.ts';
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
export function registerRegistrationRoutes(server: FastifyInstance, deps: ApiDeps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const invalidLink = {
    404: 'No personal link (`Authorization: Bearer`), or one that is not valid or whose data is deleted (`invalid_link`)',
  } as const;
  const byLink = (summary: string) => ({ summary, tags, security: [{ personalLink: [] }] });
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

  app.post(
    '/api/events/:slug/registrations',
    {
      schema: {
        summary: 'Register for an event',
        tags,
        security: security.public,
        params: slugParams,
        body: registrationInputBody,
        response: {
          200: registrationResultSchema.describe(
            'The address was registered before; its link goes by e-mail',
          ),
          201: registrationResultSchema,
          ...errors({
            400: 'Invalid input (`fields` names each bad field), answers the form does not ask, or a filled-in honeypot',
            404: 'No published event with that slug',
            409: 'The event is cancelled, over or full, or registration is not open',
            429: 'Too many registrations from this network; Retry-After says when to try again',
          }),
        },
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

  const ownSchema = {
    ...byLink('The registration a personal link belongs to, and its event'),
    response: { 200: ownRegistrationSchema, ...errors(invalidLink) },
  };
  app.get('/api/registrations/me', { schema: ownSchema }, async (request, reply) => {
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

  const cancelSchema = {
    ...byLink('Cancel one’s own registration (a waiting registrant may move up)'),
    response: { 200: cancelledRegistrationSchema, ...errors(invalidLink) },
  };
  app.post('/api/registrations/me/cancel', { schema: cancelSchema }, async (request, reply) => {
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

  const deleteSchema = {
    ...byLink('Delete one’s registration and everything it holds (name, e-mail, questions)'),
    response: { 200: registrantDataDeletedSchema, ...errors(invalidLink) },
  };
  app.delete('/api/registrations/me', { schema: deleteSchema }, async (request, reply) => {
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
