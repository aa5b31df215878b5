import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@folkemote/config';
import { upsertOrganisation } from '@folkemote/db';
import { createTestDatabase, type TestDatabase } from '@folkemote/db/testing';
import type { RecordingView } from '@folkemote/domain';
import { createApiToken } from '../organisers/create-api-token.ts';
import { createOrganiserAccount } from '../organisers/create-organiser-account.ts';
import { type RunningSystem, startSystem } from '../system.ts';

export * from './child-processes.ts';
export { createTestEvent, createTestStaffLink, registerForTest } from './fixtures.ts';
export * from './free-port.ts';
export * from './live-fixtures.ts';
export * from './question-fixtures.ts';
export * from './shared-instances.ts';
export * from './sse-client.ts';
export * from './until.ts';

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

/** An organisation with an API token of its own, made straight in the database. */
export async function createTestApiToken(
  system: Pick<RunningSystem, 'deps'>,
  organisation = { slug: 'testkommune', name: 'Testkommune' },
): Promise<string> {
  await upsertOrganisation(system.deps.db, organisation);
  const { token } = await createApiToken(system.deps.db, {
    organisationSlug: organisation.slug,
    name: 'tests',
  });
  return token;
}

/** An organiser account in a (new or existing) organisation, with the password to sign in with. */
export async function createTestOrganiser(
  system: Pick<RunningSystem, 'deps'>,
  input: { organisation?: { slug: string; name: string }; email?: string; password?: string } = {},
): Promise<{ email: string; password: string; organisationSlug: string }> {
  const organisation = input.organisation ?? { slug: 'testkommune', name: 'Testkommune' };
  await upsertOrganisation(system.deps.db, organisation);
  const created = await createOrganiserAccount(system.deps.db, {
    organisationSlug: organisation.slug,
    email: input.email ?? `arrangor-${randomBytes(4).toString('hex')}@testkommune.example.no`,
    displayName: 'Test Arrangør',
    password: input.password,
  });
  return { email: created.email, password: created.password, organisationSlug: organisation.slug };
}

/** Signs in over HTTP as a browser would; the cookie and CSRF token for later requests. */
export async function signInForTest(
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  });
  if (response.status !== 200)
    throw new Error(`Sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

export async function uploadRecording(
  baseUrl: string,
  file: Buffer,
  query: Record<string, string>,
  token: string,
): Promise<Response> {
  return fetch(`${baseUrl}/api/recordings?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    body: new Uint8Array(file),
  });
}

/**
 * Polls a recording until `done` says so, collecting every state it was seen in. With the
 * organisation's API token it sees every state; without one, only a published replay (see
 * GET /api/recordings/{id}), so until then it keeps waiting.
 */
export async function waitForRecording(
  baseUrl: string,
  id: string,
  done: (r: RecordingView) => boolean,
  timeoutMs = 120_000,
  token?: string,
): Promise<{ recording: RecordingView; statesSeen: string[] }> {
  const statesSeen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  for (;;) {
    const response = await fetch(`${baseUrl}/api/recordings/${id}`, { headers });
    if (response.status !== 200 && response.status !== 404)
      throw new Error(`GET /api/recordings/${id} answered ${response.status}: ${await response.text()}`);
    const recording = response.status === 200 ? ((await response.json()) as RecordingView) : null;
    if (recording && statesSeen.at(-1) !== recording.state) statesSeen.push(recording.state);
    if (recording && done(recording)) return { recording, statesSeen };
    if (Date.now() > deadline)
      throw new Error(
        `Recording still ${recording?.state ?? 'not visible'} after ${timeoutMs} ms (seen: ${statesSeen.join(' → ')})`,
      );
    await new Promise((r) => setTimeout(r, 150));
  }
}
