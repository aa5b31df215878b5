import { z } from 'zod';

/**
 * Every error the API answers: a stable code, a sentence a person can read, and for invalid
 * input the fields and what is wrong with each; `params` carries the specifics, for a client
 * to say the error in its own language (the message is English).
 */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ApiErrorBody = z.output<typeof errorBodySchema>;

/** A JSON answer with what it means for that route (the schema itself stays one component). */
export function described<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

/** The error answers of a route, each with what it means for that route. */
export function errors<const S extends number>(meanings: Record<S, string>) {
  return Object.fromEntries(
    Object.entries(meanings).map(([status, description]) => [
      status,
      described(description as string, errorBodySchema),
    ]),
  ) as Record<S, ReturnType<typeof described<typeof errorBodySchema>>>;
}

/**
 * A path part is taken as text: a route says itself what a bad one means (a 404 for an id that
 * is not a UUID, as for one that is unknown), as it did before the contract was written down.
 */
export const slugParams = z.object({ slug: z.string().meta({ description: 'The event’s slug' }) });
export const idParams = z.object({ id: z.string().meta({ description: 'A UUID' }) });
export const slugIdParams = z.object({ slug: z.string(), id: z.string() });

/** 204: nothing in the body. */
export const noContent = z.null().describe('No content');

/** A body that is not JSON, described by its content type. */
export function nonJson(contentType: string, description: string) {
  return {
    description,
    content: { [contentType]: { schema: z.string().describe(description) } },
  };
}

/** An object whose shape is not part of the contract (a diagnostic, a pass-through). */
export const anyObject = z.record(z.string(), z.unknown());

/** Who may call a route, in the document's security schemes. */
export const security = {
  /** A signed-in organiser's browser session (with the CSRF header on changes) or an API token. */
  organiser: [{ sessionCookie: [], csrfToken: [] }, { apiToken: [] }],
  /** A signed-in organiser's browser only: an API token is refused (403 `accounts_only`). */
  signedIn: [{ sessionCookie: [], csrfToken: [] }],
  /** Any link holder of the event, or an organiser of its organisation (who acts as host). */
  eventActor: [{ personalLink: [] }, { apiToken: [] }, { sessionCookie: [], csrfToken: [] }],
  public: [],
} as const;

export const organiserErrors = {
  401: 'Not signed in, or the API token is unknown or revoked',
  403: 'The CSRF check failed (cookie sessions only), or the token is not allowed here',
} as const;

/** A redirect: no body, the address in `Location`. */
export function redirect(description: string) {
  return z.null().describe(description);
}
