import { findEventWithRegistrationById } from '@folkemote/db';
import { registrationInputSchema, slugSchema } from '@folkemote/domain';
import {
  cancelRegistration,
  createRegistration,
  deleteRegistrantData,
  getRegistrationByToken,
  RegistrationError,
} from '@folkemote/registration';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { sendError, sendValidationError } from '../http-errors.ts';
import { registrationDepsFrom } from '../registrations/registration-deps-from.ts';
import { createRegistrationRateLimit } from '../registrations/registration-rate-limit.ts';
import { sendRegistrationError } from '../registrations/send-registration-error.ts';

function bearerToken(request: FastifyRequest): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match)
    throw new RegistrationError(
      'invalid_link',
      'Send the personal link token as "Authorization: Bearer <token>"',
    );
  return match[1]!;
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

  app.post<{ Params: { slug: string } }>('/api/events/:slug/registrations', async (request, reply) => {
    const slug = slugSchema.safeParse(request.params.slug);
    if (!slug.success)
      return sendError(reply, 404, 'event_not_found', 'No published event with that address');
    const waitSeconds = await rateLimit.hit(request.ip);
    if (waitSeconds !== null)
      return sendError(
        reply.header('retry-after', String(waitSeconds)),
        429,
        'rate_limited',
        `Too many registrations from this network; try again in ${Math.ceil(waitSeconds / 60)} minutes`,
      );
    const input = registrationInputSchema.safeParse(request.body ?? {});
    if (!input.success) return sendValidationError(reply, input.error);
    if (input.data.website)
      return sendError(reply, 400, 'rejected', 'The form was filled in as only automated senders do', {
        website: ['must be left empty'],
      });
    try {
      const created = await createRegistration(registration, slug.data, input.data);
      return reply.code(created.alreadyRegistered ? 200 : 201).send(created);
    } catch (err) {
      return sendRegistrationError(reply, err);
    }
  });

  app.get('/api/registrations/me', async (request, reply) => {
    try {
      const own = await getRegistrationByToken(deps, bearerToken(request));
      return reply
        .header('cache-control', 'no-store')
        .send({ registration: own.registration, event: own.event });
    } catch (err) {
      return sendRegistrationError(reply, err);
    }
  });

  app.post('/api/registrations/me/cancel', async (request, reply) => {
    try {
      const own = await getRegistrationByToken(deps, bearerToken(request));
      await cancelRegistration(registration, own.registrationId);
      const after = await getRegistrationByToken(deps, bearerToken(request));
      return reply.header('cache-control', 'no-store').send({ registration: after.registration });
    } catch (err) {
      return sendRegistrationError(reply, err);
    }
  });

  app.delete('/api/registrations/me', async (request, reply) => {
    try {
      const own = await getRegistrationByToken(deps, bearerToken(request));
      await deleteRegistrantData(registration, own.registrationId);
      const event = await findEventWithRegistrationById(deps.db, own.eventId);
      return reply.code(200).send({ deleted: true, eventSlug: event?.slug ?? null });
    } catch (err) {
      return sendRegistrationError(reply, err);
    }
  });
}
