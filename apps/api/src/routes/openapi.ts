import { anyObject } from '@folkemote/contract';
import type { FastifyInstance } from 'fastify';

export function registerOpenApiRoute(app: FastifyInstance) {
  app.get(
    '/api/openapi.json',
    { schema: { summary: 'This document (OpenAPI 3.1)', tags: ['system'], response: { 200: anyObject } } },
    async (_request, reply) => reply.header('cache-control', 'no-cache').send(app.swagger()),
  );
}
