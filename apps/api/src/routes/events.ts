import {
  errors,
  nonJson,
  publicEventListSchema,
  publicEventPageSchema,
  security,
  siteSchema,
  slugParams,
} from '@folkemote/contract';
import { findEventWithRegistrationBySlug, listPublicEvents } from '@folkemote/db';
import { slugSchema } from '@folkemote/domain';
import { renderEventCalendar } from '@folkemote/registration';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps.ts';
import { toPublicEventPage, toPublicEventPages } from '../events/public-event-page.ts';
import { sendError } from '../http-errors.ts';

const tags = ['public'];
const bySlug = {
  tags,
  security: security.public,
  params: slugParams,
};
const slugErrors = {
  400: 'The slug is not a well-formed slug (`invalid_slug`)',
  404: 'No published or cancelled event with that slug',
} as const;

export function registerEventRoutes(server: FastifyInstance, deps: ApiDeps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  // Public views: published and cancelled events only, with seats left and whether registration is open.
  const listSchema = {
    summary: 'The published and cancelled events, with seats left and whether registration is open',
    tags,
    security: security.public,
    response: { 200: publicEventListSchema },
  };
  app.get('/api/events', { schema: listSchema }, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({
      events: await toPublicEventPages(
        deps.db,
        deps.s3Settings.publicBaseUrl,
        await listPublicEvents(deps.db),
      ),
    }),
  );

  const pageSchema = {
    summary: 'One published or cancelled event, as its page shows it',
    ...bySlug,
    response: { 200: publicEventPageSchema, ...errors(slugErrors) },
  };
  app.get('/api/events/:slug', { schema: pageSchema }, async (request, reply) => {
    const slug = slugSchema.safeParse(request.params.slug);
    if (!slug.success)
      return sendError(reply, 400, 'invalid_slug', `The slug ${slug.error.issues[0]?.message}`);
    const event = await findEventWithRegistrationBySlug(deps.db, slug.data);
    if (!event || event.status === 'draft')
      return sendError(reply, 404, 'not_found', 'No event with that slug');
    return reply
      .header('cache-control', 'no-store')
      .send(await toPublicEventPage(deps.db, deps.s3Settings.publicBaseUrl, event));
  });

  // The event's calendar entry (the e-mail's generator, without anyone's data), for its page and the personal page.
  const calendarSchema = {
    summary: 'The event’s calendar entry (iCalendar), without anyone’s data',
    ...bySlug,
    response: {
      200: nonJson('text/calendar', 'The event as an iCalendar file'),
      ...errors(slugErrors),
    },
  };
  app.get('/api/events/:slug/calendar.ics', { schema: calendarSchema }, async (request, reply) => {
    const slug = slugSchema.safeParse(request.params.slug);
    if (!slug.success)
      return sendError(reply, 400, 'invalid_slug', `The slug ${slug.error.issues[0]?.message}`);
    const event = await findEventWithRegistrationBySlug(deps.db, slug.data);
    if (!event || event.status === 'draft')
      return sendError(reply, 404, 'not_found', 'No event with that slug');
    const ics = renderEventCalendar(event, { publicAppUrl: deps.config.publicAppUrl, now: new Date() });
    return reply
      .header('content-type', 'text/calendar; charset=utf-8; method=PUBLISH')
      .header('content-disposition', `attachment; filename="${slug.data}.ics"`)
      .header('cache-control', 'no-store')
      .send(ics);
  });

  const siteRoute = {
    schema: {
      summary: 'Where the public replay archive is',
      tags: ['public'],
      response: { 200: siteSchema },
    },
  };
  app.get('/api/site', siteRoute, async () => ({
    archiveUrl: `${deps.s3Settings.publicBaseUrl}/index.html`,
  }));
}
