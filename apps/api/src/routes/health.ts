import { pingRedis } from '@folkemote/queue';
import { checkS3 } from '@folkemote/storage';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';

type Check = { ok: true } | { ok: false; error: string };

async function check(run: () => Promise<unknown>): Promise<Check> {
  try {
    const result = await run();
    if (result && typeof result === 'object' && 'ok' in result && result.ok === false) return result as Check;
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** 200 when the database, Redis and S3 answer; 503 naming what is down. */
export function registerHealthRoutes(app: FastifyInstance, deps: ApiDeps) {
  app.get('/api/health', async (_request, reply) => {
    const [database, redis, s3] = await Promise.all([
      check(() => deps.db.ping()),
      check(() => pingRedis(deps.redis)),
      check(() => checkS3(deps.s3, deps.s3Settings)),
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
