import type { Config } from '@folkemote/config';
import { type Database, openDatabase } from '@folkemote/db';
import type { Logger } from '@folkemote/logger';
import { instrumentS3Uploads, startMetricsServer } from '@folkemote/metrics';
import { createJobQueues, createRedisConnection, reportRedisOutages } from '@folkemote/queue';
import { createS3Client, ensureBuckets, s3SettingsFrom } from '@folkemote/storage';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './api-deps.ts';
import { buildServer } from './build-server.ts';

export interface RunningApi {
  url: string;
  deps: ApiDeps;
  app: FastifyInstance;
  /** The metrics listener of its own (METRICS_PORT), or null when /metrics is on the public port or off. */
  metricsUrl: string | null;
  /** Stops the listeners, then the connections it opened (not a database it was given). */
  close(): Promise<void>;
}

export interface ApiOptions {
  log: Logger;
  /** An already open database (the embedded system, tests); otherwise the configured one is opened. */
  db?: Database;
  webDistDir?: string;
}

/** The API on the configured database, Redis and S3, listening on the configured port. */
export async function startApi(config: Config, options: ApiOptions): Promise<RunningApi> {
  const { log } = options;
  const stops: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const stop of stops.reverse())
      await stop().catch((err) => log.warn({ err }, 'shutdown step failed'));
  };
  try {
    const db = options.db ?? (await openDatabase(config.database));
    if (!options.db) stops.push(() => db.close());
    const redis = createRedisConnection(config.redis.url);
    reportRedisOutages(redis, {
      down: (err) => log.warn({ err: err.message }, 'Redis connection lost; reconnecting'),
      back: () => log.info('Redis connection back'),
    });
    stops.push(async () => void redis.disconnect());
    const queues = createJobQueues(redis, config.redis.queuePrefix);
    stops.push(() => queues.close());
    const s3Settings = s3SettingsFrom(config);
    const s3 = createS3Client(s3Settings);
    instrumentS3Uploads(s3, [s3Settings.rawBucket, s3Settings.publicBucket]);
    await ensureBuckets(s3, s3Settings);
    const deps: ApiDeps = { config, db, redis, queues, s3, s3Settings, log };

    const app = await buildServer(deps, { webDistDir: options.webDistDir });
    // A registration burst opens a thousand connections at once; with Node's default backlog (511)
    // the kernel drops or resets those that arrive while the event loop is busy for a moment.
    await app.listen({ host: config.host, port: config.port, backlog: 4096 });
    stops.push(() => app.close());
    let metricsUrl: string | null = null;
    if (config.metrics.apiPort !== null) {
      const metricsServer = await startMetricsServer({
        host: config.metrics.host,
        port: config.metrics.apiPort,
        token: config.metrics.token ?? undefined,
      });
      stops.push(() => metricsServer.close());
      metricsUrl = metricsServer.url;
      log.info({ url: metricsServer.url }, 'metrics served');
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return { url: `http://localhost:${port}`, deps, app, metricsUrl, close };
  } catch (err) {
    await close();
    throw err;
  }
}
