import { requestBodies } from './openapi-examples.ts';

/** The pieces every part of the OpenAPI document is built from. */
export type Json = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: Json, example?: unknown) => ({
  'application/json': { schema, ...(example === undefined ? {} : { example }) },
});
export const ok = (description: string, schema: Json = { type: 'object' }) => ({
  description,
  content: json(schema),
});
export const error = (description: string) => ({ description, content: json(ref('Error')) });
/** A JSON request body by its name in `requestBodies`, with its example. */
export const body = (name: keyof typeof requestBodies) => ({
  required: true,
  content: json(ref(name), requestBodies[name].example),
});
export const slugParam = {
  name: 'slug',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
};
export const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
/** Any link holder of the event, or an organiser of its organisation (who acts as host). */
export const eventActor = [{ personalLink: [] }, { apiToken: [] }, { sessionCookie: [], csrfToken: [] }];
