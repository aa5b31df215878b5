import { loadConfigOrExit } from '@folkemote/config';
import { openDatabase } from '@folkemote/db';
import { createLogger } from '@folkemote/logger';
import { startMetricsServer } from '@folkemote/metrics';
import { createJobQueues, createRedisConnection, reportRedisOutages } from '@folkemote/queue';
import { createWorkerDeps } from './create-worker-deps.ts';
import { startWorker } from './start-worker.ts';

// The standalone worker, for deployments with PostgreSQL (PGlite runs the worker inside the API process).
const config = loadConfigOrExit();
const log = createLogger(config.logLevel, 'worker');
if (config.database.kind === 'pglite') {
  log.fatal(
    'the standalone worker needs DATABASE_URL (PostgreSQL); with PGlite the API runs the worker itself',
  );
  process.exit(78);
}
const db = await openDatabase(config.database);
const connection = createRedisConnection(config.redis.url);
reportRedisOutages(connection, {
  down: (err) => log.warn({ err: err.message }, 'Redis connection lost; jobs pause until it is back'),
  back: () => log.info('Redis connection back'),
});
const queues = createJobQueues(connection, config.redis.queuePrefix);
const worker = await startWorker(createWorkerDeps(config, db, queues, log), connection);
const { metrics } = config;
// The worker has no other listener: its metrics are served only where the operator asks for them.
const metricsServer =
  metrics.workerPort === null
    ? null
    : await startMetricsServer({
        host: metrics.host,
        port: metrics.workerPort,
        token: metrics.token ?? undefined,
      });
if (metricsServer) log.info({ url: metricsServer.url }, 'worker metrics served');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await worker.close();
    await metricsServer?.close();
    await queues.close();
    connection.disconnect();
    await db.close();
    process.exit(0);
  });
}
