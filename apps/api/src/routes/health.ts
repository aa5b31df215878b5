import { described, healthSchema } from '@folkemote/contract';
import { pingRedis } from '@folkemote/queue';
import { checkS3 } from '@folkemote/storage';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';

type Check = { ok: boolean };

/**
 * Whether one outside system answers. Why it does not goes to the log only: the route is public,
 * and the error names internal hosts, ports and buckets.
 */
async function check(deps: Pick<ApiDeps, 'log'>, name: string, run: () => Promise<unknown>): Promise<Check> {
  try {
    const result = await run();
    const failed = result && typeof result === 'object' && 'ok' in result && result.ok === false;
    if (failed) deps.log.warn({ check: name, result }, 'health check failed');
    return { ok: !failed };
  } catch (err) {
    deps.log.warn({ check: name, err }, 'health check failed');
    return { ok: false };
  }
}

/** 200 when the database, Redis and S3 answer; 503 naming what is down (and nothing more). */
export function registerHealthRoutes(app: FastifyInstance, deps: ApiDeps) {
  const schema = {
    summary: 'State of the database, Redis and S3',
    tags: ['system'],
    response: {
      200: described('Everything answers', healthSchema),
      503: described('Something is down; `down` names it', healthSchema),
    },
  };
  app.get('/api/health', { schema }, async (_request, reply) => {
    const [database, redis, s3] = await Promise.all([
      check(deps, 'database', () => deps.db.ping()),
      check(deps, 'redis', () => pingRedis(deps.redis)),
      check(deps, 's3', () => checkS3(deps.s3, deps.s3Settings)),
    ]);
    const checks = { database, redis, s3 };
    const down = Object.entries(checks)
      .filter(([, c]) => !c.ok)
      .map(([name]) => name);
    return reply
      .code(down.length ? 503 : 200)
      .header('cache-control', 'no-store')
      .send({ status: down.length ? 'unavailable' : 'ok', down, checks });
  });
}
