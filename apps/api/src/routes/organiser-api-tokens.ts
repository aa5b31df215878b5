import { createApiToken } from '@folkemote/accounts';
import {
  apiTokenInputSchema,
  apiTokenListSchema,
  errors,
  idParams,
  newApiTokenSchema,
  noContent,
  security,
} from '@folkemote/contract';
import { type ApiTokenRow, listApiTokens } from '@folkemote/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { OrganiserContext, RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import { revokeApiToken } from '../organisers/revoke-api-token.ts';
import { streamAccessFor } from '../realtime/stream-access.ts';

/** What an organiser sees of a token: never the token, which is shown once when it is made. */
const toView = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/**
 * A signed-in organiser's account, or the refusal: a token may not list, make or revoke
 * tokens, so a leaked one cannot make itself a successor that outlives its revocation.
 */
function signedInAccount(request: FastifyRequest, reply: FastifyReply): OrganiserContext | null {
  const organiser = request.organiser!;
  if (organiser.kind === 'account') return organiser;
  sendError(reply, 403, 'accounts_only', 'Only a signed-in organiser can manage API tokens, not a token');
  return null;
}

/**
 * The organisation's API tokens for automation (the county's CMS, `pnpm cli import`): list,
 * make (the token is in this answer only) and revoke, which also ends the streams open with it.
 */
export function registerOrganiserApiTokenRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const guarded = { preHandler: requireOrganiser };
  const access = streamAccessFor(app, deps);

  const tags = ['organiser'];
  const refusals = {
    401: 'Not signed in, or the API token is unknown or revoked',
    403: 'The CSRF check failed, or the caller is an API token (`accounts_only`)',
  } as const;
  app.get(
    '/api/organiser/api-tokens',
    {
      ...guarded,
      schema: {
        summary: 'The organisation’s API tokens (never the tokens themselves)',
        tags,
        security: security.signedIn,
        response: { 200: apiTokenListSchema, ...errors(refusals) },
      },
    },
    async (request, reply) => {
      const organiser = signedInAccount(request, reply);
      if (!organiser) return reply;
      const tokens = await listApiTokens(deps.db, organiser.organisationId);
      return reply.header('cache-control', 'no-store').send({ tokens: tokens.map(toView) });
    },
  );

  app.post(
    '/api/organiser/api-tokens',
    {
      ...guarded,
      schema: {
        summary: 'Make an API token (shown once)',
        tags: ['organiser'],
        security: security.signedIn,
        body: apiTokenInputSchema,
        response: {
          201: newApiTokenSchema,
          ...errors({ 400: 'Invalid input; `fields` names each bad field', ...refusals }),
        },
      },
    },
    async (request, reply) => {
      const organiser = signedInAccount(request, reply);
      if (!organiser) return reply;
      const input = { data: request.body as z.output<typeof apiTokenInputSchema> };
      const created = await createApiToken(deps.db, {
        organisationSlug: organiser.organisationSlug,
        name: input.data.name,
      });
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ ...toView(created), token: created.token });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/organiser/api-tokens/:id',
    {
      ...guarded,
      schema: {
        summary: 'Revoke an API token; the streams open with it end',
        tags,
        security: security.signedIn,
        params: idParams,
        response: {
          204: noContent,
          ...errors({ ...refusals, 404: 'No active API token with that id in the organisation' }),
        },
      },
    },
    async (request, reply) => {
      const organiser = signedInAccount(request, reply);
      if (!organiser) return reply;
      const id = z.uuid().safeParse(request.params.id);
      if (!id.success)
        return sendError(
          reply,
          404,
          'token_not_found',
          'No active API token with that id in your organisation',
        );
      await revokeApiToken(
        { db: deps.db, access },
        { organisationId: organiser.organisationId, id: id.data },
      );
      return reply.code(204).send();
    },
  );
}
