import { errors, nonJson, organiserErrors, outboxQuery, outboxSchema, security } from '@folkemote/contract';
import { listOutboundEmails } from '@folkemote/db';
import { restorePersonalLinks } from '@folkemote/registration';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import { renderOutboxPage } from '../registrations/render-outbox-page.ts';

/**
 * Without SMTP, outgoing mail stays in the outbox: an organiser reads the mail
 * about their own organisation's events here. With SMTP configured it is gone.
 *
 * The mail is kept with the registrants' personal links redacted. On a
 * developer's installation (NODE_ENV not production) the page puts the current
 * links back as it is read, so a registration can be followed through; in
 * production an organiser never gets a link that acts as a registrant.
 */
export function registerDevOutboxRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  app.get<{ Querystring: { format?: string } }>(
    '/api/dev/outbox',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'The mail kept instead of sent, without SMTP (`?format=html` for a page)',
        tags: ['organiser'],
        security: security.organiser,
        querystring: outboxQuery,
        response: {
          200: {
            description: 'The organisation’s kept mail, newest first',
            content: {
              'application/json': { schema: outboxSchema },
              'text/html': nonJson('text/html', 'The outbox as a page').content['text/html'],
            },
          },
          ...errors({ ...organiserErrors, 404: 'Mail is sent over SMTP; there is no local outbox' }),
        },
      },
    },
    async (request, reply) => {
      if (deps.config.mail.smtpUrl)
        return sendError(reply, 404, 'not_found', 'Mail is sent over SMTP; there is no local outbox');
      const stored = await listOutboundEmails(deps.db, request.organiser!.organisationId);
      const emails = deps.config.env === 'production' ? stored : await restorePersonalLinks(deps.db, stored);
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
