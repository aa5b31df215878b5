import { randomBytes } from 'node:crypto';
import { createApiToken, createOrganiserAccount } from '@folkemote/accounts';
import { upsertOrganisation } from '@folkemote/db';
import type { RecordingView } from '@folkemote/domain';
import type { RunningApi } from '../start-api.ts';

export * from './child-processes.ts';
export { approveCaptionsForTest, createTestEvent, createTestStaffLink, registerForTest } from './fixtures.ts';
export * from './free-port.ts';
export * from './live-fixtures.ts';
export * from './question-fixtures.ts';
export * from './registration-fixtures.ts';
export * from './sse-client.ts';
export * from './until.ts';

/** An organisation with an API token of its own, made straight in the database. */
export async function createTestApiToken(
  system: Pick<RunningApi, 'deps'>,
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
  system: Pick<RunningApi, 'deps'>,
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

/**
 * Uploads a recording through the API. Tests that follow it to its public replay have it published
 * as soon as it is processed (`publish=true`); pass `publish: 'false'` to have it held for review.
 */
export async function uploadRecording(
  baseUrl: string,
  file: Buffer,
  query: Record<string, string>,
  token: string,
): Promise<Response> {
  const withPublish = { publish: 'true', ...query };
  if (withPublish.publish === 'default') delete (withPublish as { publish?: string }).publish;
  return fetch(`${baseUrl}/api/recordings?${new URLSearchParams(withPublish)}`, {
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
