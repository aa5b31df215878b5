import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import {
  ResponseSerializationError,
  serializerCompiler as zodSerializerCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Refusal } from './http-errors.ts';

/**
 * Request parts are checked by the routes' zod schemas. An absent body is checked as `{}`, so
 * its errors name the missing fields (as the routes did by hand), and the error is the ZodError
 * itself, which the error handler turns into the API's `invalid_input` answer.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  // A body that must be a JSON object says so in its schema's meta (`notAnObject`: the refusal).
  const notAnObject = (z.globalRegistry.get(route.schema) as { notAnObject?: string } | undefined)
    ?.notAnObject;
  const asEmpty = route.httpPart === 'body' && !notAnObject;
  return (data: unknown) => {
    if (
      route.httpPart === 'body' &&
      notAnObject &&
      (typeof data !== 'object' || data === null || Array.isArray(data))
    )
      return { error: new Refusal(400, 'invalid_input', notAnObject) };
    const parsed = route.schema.safeParse(asEmpty && data == null ? {} : data);
    return parsed.success ? { value: parsed.data } : { error: parsed.error };
  };
};

/**
 * Answers go out through their schema. Beyond what zod checks, an answer that carries a field
 * its schema does not name fails too (zod would drop it quietly): the contract is what is sent.
 */
export function serializerCompiler(strict: boolean) {
  return (route: { schema: z.ZodType; method: string; url: string; httpStatus?: string }) => {
    const serialize = zodSerializerCompiler(route as never) as (data: unknown) => string;
    return (data: unknown) => {
      const json = serialize(data);
      if (strict && !isDeepStrictEqual(JSON.parse(json), JSON.parse(JSON.stringify(data) ?? 'null')))
        throw new ResponseSerializationError(route.method, route.url, {
          cause: new Error(
            `the answer carries fields its ${route.httpStatus ?? ''} schema does not describe`,
          ) as never,
        });
      return json;
    };
  };
}

/**
 * A route checks who is asking before what they ask (a stranger gets 401, not 400), so a
 * request that fails its schema reaches the handler, and reading the bad part there throws the
 * validation error. A part that passed reads as parsed.
 */
export function deferValidationErrors(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (route.schema) route.attachValidation = true;
  });
  app.addHook('preHandler', async (request: FastifyRequest & { validationError?: Error }) => {
    const error = request.validationError;
    if (!error) return;
    for (const part of ['body', 'query'] as const)
      Object.defineProperty(request, part, {
        configurable: true,
        get() {
          throw error;
        },
      });
  });
}

/**
 * Outside production, a route that describes its answers and answers a status it does not
 * describe fails (500), so every test that reaches it checks the contract. Server faults (5xx)
 * are common to every route and not listed one by one.
 */
export function refuseUndescribedStatuses(app: FastifyInstance) {
  // A callback hook, not an async one: the answer is written in the same turn as before.
  app.addHook('onSend', (request, reply, payload, done) => {
    const schema = request.routeOptions.schema;
    if (reply.statusCode >= 500 || !schema?.response || describesStatus(schema, reply.statusCode))
      return done(null, payload);
    done(
      new Error(
        `${request.method} ${request.routeOptions.url} answered ${reply.statusCode}, which its schema does not describe`,
      ),
    );
  });
}

/** Does the route describe an answer with this status? */
export function describesStatus(schema: { response?: unknown } | undefined, status: number): boolean {
  const response = schema?.response as Record<string, unknown> | undefined;
  if (!response) return false;
  return String(status) in response || `${String(status)[0]}xx` in response || 'default' in response;
}
