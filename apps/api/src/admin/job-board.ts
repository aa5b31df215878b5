import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { jobNames } from '@folkemote/queue';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { contentSecurityPolicy } from '../security-headers.ts';
import { JOB_BOARD_A11Y_SCRIPT, JOB_BOARD_A11Y_SCRIPT_PATH, JOB_BOARD_A11Y_STYLE } from './job-board-a11y.ts';
import { createRequireJobAdmin } from './require-job-admin.ts';

export const JOB_BOARD_PATH = '/admin/jobs';

/** The app's CSP with what bull-board's page needs besides: inline styles (its loading screen, its components). */
function jobBoardCsp(livekitPublicUrl: string): string {
  const directives = contentSecurityPolicy(livekitPublicUrl);
  directives['style-src'] = ["'self'", "'unsafe-inline'"];
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** bull-board's page asks Google for its fonts; ours make no third-party requests, so it uses the system's. */
const GOOGLE_FONTS = /<link[^>]+href="https:\/\/fonts\.googleapis\.com[^"]*"[^>]*>/g;

/** Our stylesheet and script for the page's accessibility, in its head (job-board-a11y.ts). */
const a11yHead = `${JOB_BOARD_A11Y_STYLE}<script defer src="${JOB_BOARD_PATH}/${JOB_BOARD_A11Y_SCRIPT_PATH}"></script>`;

/**
 * The job view for administrators of the installation (bull-board): every queue, the running jobs
 * with their progress, the failed ones with their reasons, retry and remove. Its whole path is
 * behind the admin guard, assets included; the CSP is relaxed for this path only.
 */
export async function registerJobBoard(
  app: FastifyInstance,
  deps: Pick<ApiDeps, 'db' | 'config' | 'queues'>,
) {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(JOB_BOARD_PATH);
  createBullBoard({
    queues: jobNames.map((name) => new BullMQAdapter(deps.queues.queue(name), { displayName: name })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Folkemøte' } },
  });
  const csp = jobBoardCsp(deps.config.livekit.publicUrl);
  await app.register(
    async (scope) => {
      scope.addHook('onRequest', createRequireJobAdmin(deps, JOB_BOARD_PATH));
      scope.addHook('onSend', async (_request, reply, payload) => {
        reply.header('content-security-policy', csp);
        reply.header('cache-control', 'no-store');
        if (typeof payload === 'string' && String(reply.getHeader('content-type')).startsWith('text/html'))
          return payload.replace(GOOGLE_FONTS, '').replace('</head>', `${a11yHead}</head>`);
        return payload;
      });
      // Our corrections to bull-board's page for WCAG 2.1 AA (job-board-a11y.ts).
      scope.get(`/${JOB_BOARD_A11Y_SCRIPT_PATH}`, async (_request, reply) =>
        reply.type('text/javascript; charset=utf-8').send(JOB_BOARD_A11Y_SCRIPT),
      );
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: JOB_BOARD_PATH },
  );
}
