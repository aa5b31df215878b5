import { isOrganiserAdmin } from '@folkemote/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { safeMethods } from '../auth/csrf.ts';
import { readOrganiserSession } from '../auth/organiser-session.ts';
import { allowedOrigins, readSessionId } from '../auth/require-organiser.ts';
import { sendError } from '../http-errors.ts';

/** Where a browser that is not signed in is sent from the job view's page. */
export const SIGN_IN_PAGE = '/organiser/sign-in';

/**
 * What the job view may not do, though bull-board offers it: make or edit jobs (payloads are ids
 * the code checks, not something typed in), empty or obliterate a queue, or change the repeating
 * jobs and the workers' limits, which the worker sets itself at start.
 */
const NOT_IN_JOB_VIEW = new Set([
  '/api/queues/:queueName/add',
  '/api/queues/:queueName/:jobId/update-data',
  '/api/queues/:queueName/:jobId/delay',
  '/api/queues/:queueName/:jobId/priority',
  '/api/queues/:queueName/empty',
  '/api/queues/:queueName/obliterate',
  '/api/queues/:queueName/concurrency',
  '/api/queues/:queueName/rate-limit',
  '/api/queues/:queueName/rate-limit/release',
  '/api/queues/:queueName/job-schedulers/:schedulerId',
  '/api/queues/:queueName/job-schedulers/:schedulerId/remove',
  '/api/queues/:queueName/job-schedulers/:schedulerId/run',
  '/api/metrics/history/purge',
]);

const wantsPage = (request: FastifyRequest) =>
  request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');

/**
 * The guard of the job view: a signed-in organiser's session (an API token belongs to an
 * organisation, never to an administrator) whose account administers the installation, since
 * the queues hold every organisation's jobs. The view's own page sends no CSRF header, so what it
 * changes (retry, remove) must come with our own Origin, which a browser always sends on those.
 */
export function createRequireJobAdmin(deps: Pick<ApiDeps, 'db' | 'config'>, basePath: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const sessionId = readSessionId(request);
    const session = sessionId ? await readOrganiserSession(deps.db, sessionId) : null;
    if (!session) {
      if (wantsPage(request)) return reply.redirect(SIGN_IN_PAGE, 302);
      return sendError(reply, 401, 'not_signed_in', 'Sign in as an organiser to do this');
    }
    if (!safeMethods.has(request.method)) {
      const origin = request.headers.origin;
      if (!origin || !allowedOrigins(request, deps.config.publicAppUrl).includes(origin))
        return sendError(reply, 403, 'csrf_failed', 'The request came from another site');
    }
    if (!(await isOrganiserAdmin(deps.db, session.account.id)))
      return sendError(reply, 403, 'not_admin', 'Only administrators of the installation see the job view');
    const route = (request.routeOptions.url ?? '').slice(basePath.length);
    if (!safeMethods.has(request.method) && NOT_IN_JOB_VIEW.has(route))
      return sendError(
        reply,
        403,
        'not_in_job_view',
        'The job view does not make, edit or empty jobs and queues',
      );
  };
}
