import { listOutboundEmails } from '@folkemote/db';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import { renderOutboxPage } from '../registrations/render-outbox-page.ts';

/**
 * Without SMTP, outgoing mail stays in the outbox: an organiser reads the mail
 * about their own organisation's events here. With SMTP configured it is gone.
 */
export function registerDevOutboxRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  app.get<{ Querystring: { format?: string } }>(
    '/api/dev/outbox',
    { preHandler: requireOrganiser },
    async (request, reply) => {
      if (deps.config.mail.smtpUrl)
        return sendError(reply, 404, 'not_found', 'Mail is sent over SMTP; there is no local outbox');
      const emails = await listOutboundEmails(deps.db, request.organiser!.organisationId);
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'html')
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(renderOutboxPage(emails));
      return reply.send({ emails });
    },
  );
}
