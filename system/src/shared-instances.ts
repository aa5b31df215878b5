import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@folkemote/config';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '@folkemote/db/testing';
import { type RunningSystem, startSystem } from './start-system.ts';

export interface SharedInstances {
  instances: RunningSystem[];
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * Several API instances as in production: one database (PostgreSQL when it
 * answers), one Redis with the same key prefix, each instance its own server,
 * Redis connections and embedded S3.
 */
export async function startSharedInstances(count: number): Promise<SharedInstances> {
  const kinds = await databaseKindsUnderTest();
  const database = await createTestDatabase(kinds.includes('postgres') ? 'postgres' : 'pglite');
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-shared-'));
  const instances: RunningSystem[] = [];
  const stop = async () => {
    for (const instance of instances.reverse()) await instance.close();
    await database.drop();
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < count; i++) {
      const config = loadConfig({
        PORT: '0',
        LOG_LEVEL: 'warn',
        S3_EMBEDDED_PORT: '0',
        S3_DATA_DIR: path.join(tmp, `s3-${i}`),
        WORK_DIR: path.join(tmp, `work-${i}`),
        QUEUE_PREFIX: prefix,
        MIN_FREE_DISK_MB: '0',
        DEMO_CONTENT: 'false',
        WORKER_IN_PROCESS: 'false',
        REGISTRATION_RATE_LIMIT: '10000',
        LIVEKIT_STANDIN_PORT: '0',
      });
      instances.push(await startSystem(config, { db: database.db }));
    }
    return { instances, database, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
