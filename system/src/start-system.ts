import path from 'node:path';
import {
  type ApiDeps,
  type DemoOrganiser,
  seedDemoContent,
  seedDemoOrganisers,
  startApi,
} from '@folkemote/api';
import type { Config } from '@folkemote/config';
import { type Database, openDatabase } from '@folkemote/db';
import { type LiveKitStandIn, startLiveKitStandIn } from '@folkemote/livekit';
import { createLogger, type Logger } from '@folkemote/logger';
import { startEmbeddedS3 } from '@folkemote/storage';
import { createWorkerDeps, startWorker } from '@folkemote/worker';
import type { FastifyInstance } from 'fastify';
import { ensureRedis } from './embedded-redis.ts';

export interface RunningSystem {
  url: string;
  deps: ApiDeps;
  app: FastifyInstance;
  /** The demo organiser accounts and their passwords for this run; empty without demo content. */
  demoOrganisers: DemoOrganiser[];
  /** The local stand-in of LiveKit's server API, when no LIVEKIT_URL is configured (tests drive it). */
  liveKitStandIn: LiveKitStandIn | null;
  /** The metrics listener of its own (METRICS_PORT), or null when /metrics is on the public port or off. */
  metricsUrl: string | null;
  close(): Promise<void>;
}

export interface SystemOptions {
  log?: Logger;
  /** An already open database (tests). */
  db?: Database;
  webDistDir?: string;
  /** Wait for the demo content to be in place before resolving (tests); otherwise it runs in the background. */
  awaitDemo?: boolean;
}

/**
 * Starts the whole system in one process on the configured services, starting
 * embedded stand-ins for those left unconfigured: redis-server, an S3-protocol
 * server, the stand-in of LiveKit's server API; the API, and the worker beside
 * it when it runs in process (PGlite, tests); the demo content.
 */
export async function startSystem(configured: Config, options: SystemOptions = {}): Promise<RunningSystem> {
  let config = configured;
  const log = options.log ?? createLogger(config.logLevel, 'folkemote');
  const stops: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const stop of stops.reverse())
      await stop().catch((err) => log.warn({ err }, 'shutdown step failed'));
  };
  try {
    if (config.redis.embedded) {
      const redis = await ensureRedis(config.redis.embeddedPort, path.resolve('.data/redis'));
      if (redis.startedHere) log.info({ port: config.redis.embeddedPort }, 'embedded redis-server started');
      stops.push(redis.stop);
    }
    if (config.s3.embedded) {
      const s3 = await startEmbeddedS3({
        port: config.s3.embeddedPort,
        dataDir: config.s3.dataDir,
        buckets: [config.s3.rawBucket, config.s3.publicBucket],
        // Only the replay site is readable without a signature; raw recordings are not.
        publicBuckets: [config.s3.publicBucket],
        // Browser uploads PUT their parts to the raw bucket; with a free port (tests) the app's
        // origin is not known yet.
        uploadOrigins: config.port === 0 ? ['*'] : loopbackAliases(config.publicAppUrl),
      });
      log.info({ endpoint: s3.endpoint }, 'embedded S3-protocol server started');
      if (config.s3.embeddedPort === 0) {
        // A free port was asked for (tests): the URLs follow the port we got.
        config = {
          ...config,
          s3: {
            ...config.s3,
            endpoint: s3.endpoint,
            publicBaseUrl: `${s3.endpoint}/${config.s3.publicBucket}`,
          },
        };
      }
      stops.push(s3.stop);
    }
    let liveKitStandIn: LiveKitStandIn | null = null;
    if (config.livekit.standIn) {
      const standIn = await startLiveKitStandIn({
        port: config.livekit.standInPort,
        apiKey: config.livekit.apiKey,
        apiSecret: config.livekit.apiSecret,
      }).catch((err: NodeJS.ErrnoException) => {
        // Another process of ours (a second start, `pnpm cli import`) already serves the port.
        if (err.code !== 'EADDRINUSE') throw err;
        log.warn(
          { port: config.livekit.standInPort },
          'LiveKit stand-in port in use; using what answers there',
        );
        return null;
      });
      if (standIn) {
        liveKitStandIn = standIn;
        stops.push(() => standIn.close());
        log.info({ url: standIn.url }, 'LiveKit stand-in started (server API only, no audio or video)');
        if (config.livekit.standInPort === 0)
          config = {
            ...config,
            livekit: {
              ...config.livekit,
              apiUrl: standIn.url,
              egressUrl: standIn.url,
              publicUrl: standIn.wsUrl,
            },
          };
      }
    }
    const db = options.db ?? (await openDatabase(config.database));
    if (!options.db) stops.push(() => db.close());
    const api = await startApi(config, { log, db, webDistDir: options.webDistDir });
    stops.push(api.close);
    const { deps, app, metricsUrl, url } = api;
    if (config.worker.inProcess) {
      const workerDeps = createWorkerDeps(config, db, deps.queues, log.child({ component: 'worker' }));
      const worker = await startWorker(workerDeps, deps.redis);
      stops.push(() => worker.close());
    }
    const address = app.server.address();
    if (liveKitStandIn && typeof address === 'object' && address) {
      // The stand-in runs beside us, so it reaches the webhook on the address we are bound to.
      const bound = ['0.0.0.0', '::'].includes(address.address)
        ? '127.0.0.1'
        : address.address.includes(':')
          ? `[${address.address}]`
          : address.address;
      liveKitStandIn.setWebhookUrls([`http://${bound}:${address.port}/api/webhooks/livekit`]);
    }

    let demoOrganisers: DemoOrganiser[] = [];
    if (config.demoContent) {
      demoOrganisers = await seedDemoOrganisers(deps);
      const seeding = seedDemoContent(deps).catch((err) =>
        log.error({ err }, 'demo content could not be added'),
      );
      if (options.awaitDemo) await seeding;
    }
    return { url, deps, app, demoOrganisers, liveKitStandIn, metricsUrl, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The app's origin, and on this machine its other loopback name too (localhost and 127.0.0.1). */
function loopbackAliases(appUrl: string): string[] {
  const url = new URL(appUrl);
  const other = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' }[url.hostname];
  if (!other) return [url.origin];
  const alias = new URL(url.origin);
  alias.hostname = other;
  return [url.origin, alias.origin];
}
