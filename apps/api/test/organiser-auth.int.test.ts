import { createApiToken } from '@folkemote/accounts';
import { revokeApiToken } from '@folkemote/db';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganiser, signInForTest } from '../src/testing/index.ts';

let system: TestSystem;
beforeAll(async () => {
  // As behind one load balancer, so the test can speak for several network addresses.
  system = await startTestSystem({ TRUST_PROXY_HOPS: '1' });
});
afterAll(async () => {
  await system?.stop();
});

const missingRecording = '00000000-0000-4000-8000-000000000000';
const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${system.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
// A state-changing organiser route: 404 for an unknown recording once the caller is let in.
const retry = (headers: Record<string, string>) =>
  fetch(`${system.url}/api/recordings/${missingRecording}/retry`, { method: 'POST', headers });

describe('organiser sign-in', () => {
  it('signs in with a password and sets a HttpOnly, SameSite=Lax session cookie', async () => {
    const organiser = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    const response = await login(organiser.email.toUpperCase(), 'riktig-passord-123');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^folkemote_session=fms_[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    // The app URL is http here, so the cookie is not marked Secure.
    expect(cookie).not.toMatch(/Secure/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      account: { email: organiser.email, displayName: 'Test Arrangør' },
      organisation: { slug: 'testkommune' },
      csrfToken: expect.any(String),
    });

    const session = await fetch(`${system.url}/api/auth/session`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ csrfToken: body.csrfToken });
    // Only the hash of the session id is stored.
    const { rows } = await system.deps.db.query<{ id_hash: string }>(
      'select id_hash from organiser_sessions',
    );
    const sessionId = cookie.split(';')[0]!.split('=')[1]!;
    expect(rows.map((r) => r.id_hash)).not.toContain(sessionId);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true);
  });

  it('refuses a wrong password and an unknown address alike, and names bad fields', async () => {
    const organiser = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    const wrong = await login(organiser.email, 'galt-passord');
    const unknown = await login('ingen@example.no', 'galt-passord');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const invalid = await login('ikke-en-adresse', '');
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toEqual({
      email: ['must be an e-mail address'],
      password: ['must not be empty'],
    });
  });

  it('locks an account out with 429 and a reason after five failures, even with the right password', async () => {
    const organiser = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    for (let i = 0; i < 5; i++) expect((await login(organiser.email, `feil-${i}`)).status).toBe(401);
    const locked = await login(organiser.email, 'riktig-passord-123');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({
      error: { code: 'too_many_attempts', message: expect.stringMatching(/this account/) },
    });
    // Another account from the same address is still let in.
    const other = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    expect((await login(other.email, 'riktig-passord-123')).status).toBe(200);
  });

  it('checks no more parallel wrong guesses than the limit: the rest are refused unchecked', async () => {
    const organiser = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    const ip = { 'x-forwarded-for': '203.0.113.40' };
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(organiser.email, `parallell-${i}`, ip)),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    // Every attempt was counted, so the right password is refused too until the window ends.
    expect((await login(organiser.email, 'riktig-passord-123', ip)).status).toBe(429);
  });

  it('limits failures per network address across accounts', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 20; i++) await login(`ukjent-${i}@example.no`, 'galt', ip);
    const organiser = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    const limited = await login(organiser.email, 'riktig-passord-123', ip);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      error: { message: expect.stringMatching(/network address/) },
    });
    expect(
      (await login(organiser.email, 'riktig-passord-123', { 'x-forwarded-for': '203.0.113.10' })).status,
    ).toBe(200);
  });

  it('refuses a login form posted from another site', async () => {
    const organiser = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    const response = await login(organiser.email, 'riktig-passord-123', { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });
});

describe('organiser sessions', () => {
  it('needs the CSRF token for state-changing requests made with the cookie', async () => {
    const organiser = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    const { cookie, csrfToken } = await signInForTest(system.url, organiser);
    expect((await retry({})).status).toBe(401);
    const noToken = await retry({ cookie });
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    expect((await retry({ cookie, 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await retry({ cookie, 'x-csrf-token': csrfToken, origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await retry({ cookie, 'x-csrf-token': csrfToken })).status).toBe(404);
    expect((await retry({ cookie, 'x-csrf-token': csrfToken, origin: system.url })).status).toBe(404);
  });

  it('ends an expired session', async () => {
    const organiser = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    const { cookie, csrfToken } = await signInForTest(system.url, organiser);
    await system.deps.db.query(
      `update organiser_sessions set expires_at = now() - interval '1 second'
       where account_id = (select id from organiser_accounts where email = $1)`,
      [organiser.email],
    );
    expect((await fetch(`${system.url}/api/auth/session`, { headers: { cookie } })).status).toBe(401);
    expect((await retry({ cookie, 'x-csrf-token': csrfToken })).status).toBe(401);
  });

  it('signs out: the session is gone and the cookie cleared', async () => {
    const organiser = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    const { cookie, csrfToken } = await signInForTest(system.url, organiser);
    expect(
      (await fetch(`${system.url}/api/auth/logout`, { method: 'POST', headers: { cookie } })).status,
    ).toBe(403);
    const out = await fetch(`${system.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await fetch(`${system.url}/api/auth/session`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('authenticate with a Bearer header without a CSRF token, until revoked', async () => {
    await createTestOrganiser(system);
    const { id, token } = await createApiToken(system.deps.db, {
      organisationSlug: 'testkommune',
      name: 'CMS',
    });
    expect((await retry({ authorization: `Bearer ${token}` })).status).toBe(404);
    const { rows } = await system.deps.db.query<{ token_hash: string; last_used_at: Date | null }>(
      'select token_hash, last_used_at from api_tokens where id = $1',
      [id],
    );
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.last_used_at).not.toBeNull();

    expect(await revokeApiToken(system.deps.db, id)).toBe(true);
    const revoked = await retry({ authorization: `Bearer ${token}` });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: { code: 'invalid_token' } });
    expect((await retry({ authorization: 'Basic abc' })).status).toBe(401);
    expect((await retry({ authorization: 'Bearer fmt_unknown' })).status).toBe(401);
  });
});
