import type { FastifyInstance } from 'fastify';

/**
 * A route that takes no body (publish, cancel, approve…) ignores one sent as JSON, as `curl -H` and
 * many HTTP clients send an empty one, rather than refusing it with a 400 the route does not
 * describe. A route that takes a body gets it from Fastify's own JSON parser, with its refusal of
 * prototype poisoning.
 */
export function acceptEmptyJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (request.routeOptions.schema?.body === undefined) return done(null, undefined);
    parseJson(request, body as string, done);
  });
}
