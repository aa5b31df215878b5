import { findEventBySlug, listEvents } from '@folkemote/db';
import { slugSchema } from '@folkemote/domain';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { sendError } from '../http-errors.ts';

export function registerEventRoutes(app: FastifyInstance, deps: ApiDeps) {
  app.get('/api/events', async () => ({ events: await listEvents(deps.db) }));

  app.get<{ Params: { slug: string } }>('/api/events/:slug', async (request, reply) => {
    const slug = slugSchema.safeParse(request.params.slug);
    if (!slug.success)
      return sendError(reply, 400, 'invalid_slug', `The slug ${slug.error.issues[0]?.message}`);
    const event = await findEventBySlug(deps.db, slug.data);
    if (!event) return sendError(reply, 404, 'not_found', 'No event with that slug');
    return event;
  });

  app.get('/api/site', async () => ({ archiveUrl: `${deps.s3Settings.publicBaseUrl}/index.html` }));
}
