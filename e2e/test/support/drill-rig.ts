import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPostgresTestDatabase, type TestDatabase } from '@folkemote/db/testing';
import { type EmbeddedS3, startEmbeddedS3 } from '@folkemote/storage';

/** What a fault drill runs the standalone worker against. */
export interface DrillRig {
  tmp: string;
  database: TestDatabase;
  s3: EmbeddedS3;
  /** The worker's environment: this rig's PostgreSQL and S3, Redis on 127.0.0.1:6379, a queue prefix of its own. */
  env: Record<string, string>;
  /** Stops S3, drops the database and removes the directory. */
  stop(): Promise<void>;
}

/**
 * A fresh PostgreSQL database, an S3-protocol server with the raw and public buckets, and a
 * directory of the drill's own; `env` adds to (or replaces) the worker's environment.
 */
export async function startDrillRig(name: string, env: Record<string, string> = {}): Promise<DrillRig> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), `folkemote-${name}-`));
  const database = await createPostgresTestDatabase();
  const s3 = await startEmbeddedS3({
    port: 0,
    dataDir: path.join(tmp, 's3'),
    buckets: ['folkemote-raw', 'folkemote-public'],
    publicBuckets: ['folkemote-public'],
  });
  return {
    tmp,
    database,
    s3,
    env: {
      DATABASE_URL: database.url!,
      REDIS_URL: 'redis://127.0.0.1:6379',
      S3_ENDPOINT: s3.endpoint,
      QUEUE_PREFIX: `${name}-${randomBytes(4).toString('hex')}`,
      WORK_DIR: path.join(tmp, 'work'),
      MIN_FREE_DISK_MB: '0',
      FFMPEG_THREADS: '1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    async stop() {
      await s3.stop();
      await database.drop();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
