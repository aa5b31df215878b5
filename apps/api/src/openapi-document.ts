import fastifySwagger from '@fastify/swagger';
import { requestBodies } from '@folkemote/contract';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';

const transformRoute = createJsonSchemaTransform({ skipList: [] });
const transformDocument = createJsonSchemaTransformObject({});

type Json = Record<string, any>;

/**
 * The OpenAPI document is made from the routes' own schemas (`@folkemote/contract`): what the
 * routes check and answer is what it says. Routes outside /api (the web app, metrics, the job
 * board) are left out. Register before the routes: the plugin collects them as they are added.
 */
export async function registerOpenApiDocument(app: FastifyInstance, serverUrl: string) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Folkemøte API',
        version: '1',
        description:
          'Webinars for counties and municipalities: events, registration and recordings. Organiser endpoints take ' +
          'either the browser session (cookie plus the x-csrf-token header on changes) or an API token as ' +
          '`Authorization: Bearer <token>` (`pnpm cli tokens create`). Errors are `{ error: { code, message, fields?, params? } }`.',
      },
      servers: [{ url: serverUrl }],
      components: {
        securitySchemes: {
          apiToken: { type: 'http', scheme: 'bearer', description: 'An API token of the organisation' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'folkemote_session' },
          csrfToken: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: 'From GET /api/auth/session; needed with the cookie on POST, PATCH and DELETE',
          },
          personalLink: {
            type: 'http',
            scheme: 'bearer',
            description: 'The token of a registrant’s personal link',
          },
        },
      },
    },
    transform: (route) =>
      route.url.startsWith('/api/') ? transformRoute(route) : { schema: { hide: true }, url: route.url },
    transformObject: (document) => bodyExamplesOnMedia(transformDocument(document) as Json),
  });
}

/**
 * A request body's example is kept on its schema (`.meta({ examples })`, see `requestBodies`);
 * OpenAPI readers look for it beside the body's reference, so it is put there.
 */
function bodyExamplesOnMedia(document: Json): Json {
  for (const methods of Object.values(document.paths ?? {}) as Json[])
    for (const operation of Object.values(methods) as Json[]) {
      const media = operation?.requestBody?.content?.['application/json'];
      const name = media?.schema?.$ref?.split('/').at(-1);
      const example = name ? requestBodies[name]?.example : undefined;
      if (example !== undefined) media.example = example;
    }
  return document;
}
