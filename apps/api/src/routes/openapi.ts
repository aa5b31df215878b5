import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { buildOpenApiDocument } from '../openapi/openapi-document.ts';

export function registerOpenApiRoute(app: FastifyInstance, deps: ApiDeps) {
  const document = buildOpenApiDocument(deps.config.publicAppUrl);
  app.get('/api/openapi.json', async (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(document),
  );
}
