import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@folkemote/config';
import { createTestDatabase, type TestDatabase } from '@folkemote/db/testing';
import { type RunningSystem, startSystem } from './start-system.ts';

// The API's fixtures (accounts, events, sign-in, uploads), so a test of the whole system has one import.
export * from '@folkemote/api/testing';
export * from './shared-instances.ts';

export interface TestSystem extends RunningSystem {
  tmp: string;
  stop(): Promise<void>;
}

/**
 * The whole system on real parts: Redis on 127.0.0.1:6379 (or one it starts),
 * an S3-protocol server on a free port, PGlite in memory (or a fresh PostgreSQL
 * database), the worker in process.
 */
export async function startTestSystem(
  env: Record<string, string> = {},
  options: { awaitDemo?: boolean; database?: 'pglite' | 'postgres'; webDistDir?: string } = {},
): Promise<TestSystem> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-test-'));
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'warn',
    S3_EMBEDDED_PORT: '0',
    LIVEKIT_STANDIN_PORT: '0',
    S3_DATA_DIR: path.join(tmp, 's3'),
    WORK_DIR: path.join(tmp, 'work'),
    QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    MIN_FREE_DISK_MB: '0',
    DEMO_CONTENT: 'false',
    WORKER_LOCK_DURATION_MS: '10000',
    WORKER_STALLED_INTERVAL_MS: '2000',
    // The test database is opened here and handed over, so the worker runs in this process on either kind.
    WORKER_IN_PROCESS: 'true',
    ...env,
  });
  const database: TestDatabase = await createTestDatabase(options.database ?? 'pglite');
  const system = await startSystem(config, {
    db: database.db,
    awaitDemo: options.awaitDemo,
    webDistDir: options.webDistDir,
  });
  return {
    ...system,
    tmp,
    async stop() {
      await system.close();
      await database.drop();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
