import type { FastifyReply, FastifyRequest } from 'fastify';

/** Who is acting on an organiser route: a signed-in account or an API token, always of one organisation. */
export interface OrganiserContext {
  kind: 'account' | 'token';
  /** The account id or the token id. */
  actorId: string;
  organisationId: string;
  organisationSlug: string;
  /** The name the organiser goes by in a webinar room: the account's own, or "API" for a token. */
  displayName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    organiser?: OrganiserContext;
  }
}

/**
 * A preHandler for organiser routes: sets request.organiser, or answers 401
 * (not signed in) / 403 (CSRF check failed) with the API's error shape.
 */
export type RequireOrganiser = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
