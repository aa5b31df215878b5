import { createHash, createHmac } from 'node:crypto';
import type { RoomJoin, RoomView } from '@folkemote/domain';
import type { RunningApi } from '../start-api.ts';
import { createTestApiToken, createTestEvent, createTestStaffLink, registerForTest } from './index.ts';

/** The running API a live fixture talks to: its address and its database. */
type TestSystem = Pick<RunningApi, 'url' | 'deps'>;

export interface LiveEvent {
  id: string;
  slug: string;
  /** An organiser API token of the event's organisation: acts as host. */
  hostToken: string;
  presenterToken: string;
  moderatorToken: string;
  /** A confirmed registrant's personal-link token. */
  attendeeToken: string;
  attendeeRegistrationId: string;
}

/** A published event with a host, a presenter, a moderator and one confirmed attendee. */
export async function createLiveEvent(system: TestSystem): Promise<LiveEvent> {
  const event = await createTestEvent(system.deps.db, { capacity: 50 });
  const hostToken = await createTestApiToken(system);
  const presenter = await createTestStaffLink(system, event, 'presenter');
  const moderator = await createTestStaffLink(system, event, 'moderator');
  const attendee = await registerForTest(system.url, event.slug);
  if (attendee.status !== 'confirmed') throw new Error(`Registration is ${attendee.status}`);
  return {
    ...event,
    hostToken,
    presenterToken: presenter.token,
    moderatorToken: moderator.token,
    attendeeToken: attendee.joinToken,
    attendeeRegistrationId: attendee.id,
  };
}

/** An API answer: the route's body, or the error every route answers with. */
export type ApiBody = {
  error?: { code: string; message: string; fields?: Record<string, string[]> };
  [key: string]: unknown;
};

/** Calls the API as the holder of `token` (a link token or an organiser API token). */
export async function callAs<T = ApiBody>(
  system: TestSystem,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${system.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function roomAction(
  system: TestSystem,
  slug: string,
  token: string,
  action: string,
  body?: unknown,
): Promise<{ status: number; body: RoomView & ApiBody }> {
  return callAs<RoomView & ApiBody>(system, token, 'POST', `/api/events/${slug}/room/${action}`, body);
}

export async function roomViewAs(system: TestSystem, slug: string, token: string): Promise<RoomView> {
  const { status, body } = await callAs<RoomView>(system, token, 'GET', `/api/events/${slug}/room`);
  if (status !== 200) throw new Error(`GET room answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

export async function joinAs(
  system: TestSystem,
  slug: string,
  joinToken: string,
  extra: Record<string, unknown> = {},
): Promise<{ status: number; body: RoomJoin & { error?: { code: string } } }> {
  const response = await fetch(`${system.url}/api/events/${slug}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ joinToken, ...extra }),
  });
  return {
    status: response.status,
    body: (await response.json()) as RoomJoin & { error?: { code: string } },
  };
}

/** The claims of a JWT, unverified (the tests read what a token grants). */
export function decodeJwt(token: string): {
  sub: string;
  name: string;
  nbf: number;
  exp: number;
  video: Record<string, unknown>;
} {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

/**
 * Signs a webhook body as LiveKit does: an HS256 JWT issued by the API key, with the
 * base64 SHA-256 of the exact body bytes as its `sha256` claim.
 */
export function signWebhook(
  body: string,
  options: { apiKey: string; apiSecret: string; expiresInSeconds?: number; sha256Of?: string },
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'HS256', typ: 'JWT' };
  const claims = {
    iss: options.apiKey,
    nbf: now - 60,
    exp: now + (options.expiresInSeconds ?? 300),
    sha256: createHash('sha256')
      .update(options.sha256Of ?? body, 'utf8')
      .digest('base64'),
  };
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  const signature = createHmac('sha256', options.apiSecret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

export async function postWebhook(system: TestSystem, body: string, authorization: string | undefined) {
  const response = await fetch(`${system.url}/api/webhooks/livekit`, {
    method: 'POST',
    headers: {
      'content-type': 'application/webhook+json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as ApiBody };
}
