import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@folkemote/config';
import { createPgliteTestDatabase, type TestDatabase } from '@folkemote/db/testing';
import type { RecordingView } from '@folkemote/domain';
import { type RunningSystem, startSystem } from './system.ts';

export interface TestSystem extends RunningSystem {
  tmp: string;
  stop(): Promise<void>;
}

/**
 * The whole system on real parts: Redis on 127.0.0.1:6379 (or one it starts),
 * an S3-protocol server on a free port, PGlite in memory, the worker in process.
 */
export async function startTestSystem(
  env: Record<string, string> = {},
  options: { awaitDemo?: boolean } = {},
): Promise<TestSystem> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-test-'));
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'warn',
    S3_EMBEDDED_PORT: '0',
    S3_DATA_DIR: path.join(tmp, 's3'),
    WORK_DIR: path.join(tmp, 'work'),
    QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    MIN_FREE_DISK_MB: '0',
    DEMO_CONTENT: 'false',
    WORKER_LOCK_DURATION_MS: '10000',
    WORKER_STALLED_INTERVAL_MS: '2000',
    ...env,
  });
  const database: TestDatabase = await createPgliteTestDatabase();
  const system = await startSystem(config, {
    db: database.db,
    awaitDemo: options.awaitDemo,
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

export async function uploadRecording(
  baseUrl: string,
  file: Buffer,
  query: Record<string, string>,
): Promise<Response> {
  return fetch(`${baseUrl}/api/recordings?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
}

/** Polls a recording until `done` says so, collecting every state it was seen in. */
export async function waitForRecording(
  baseUrl: string,
  id: string,
  done: (r: RecordingView) => boolean,
  timeoutMs = 120_000,
): Promise<{ recording: RecordingView; statesSeen: string[] }> {
  const statesSeen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const recording = (await (await fetch(`${baseUrl}/api/recordings/${id}`)).json()) as RecordingView;
    if (statesSeen.at(-1) !== recording.state) statesSeen.push(recording.state);
    if (done(recording)) return { recording, statesSeen };
    if (Date.now() > deadline)
      throw new Error(
        `Recording still ${recording.state} after ${timeoutMs} ms (seen: ${statesSeen.join(' → ')})`,
      );
    await new Promise((r) => setTimeout(r, 150));
  }
}
