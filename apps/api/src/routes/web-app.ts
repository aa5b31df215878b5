import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../http-errors.ts';

export const webDistDir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** The built web app on the same origin as the API, with a fallback to index.html for client routes. */
export async function registerWebApp(app: FastifyInstance, distDir = webDistDir) {
  const built = existsSync(`${distDir}/index.html`);
  if (built) await app.register(fastifyStatic, { root: distDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !built) {
      return sendError(
        reply,
        404,
        'not_found',
        `No route for ${request.method} ${request.url.split('?')[0]}`,
      );
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
