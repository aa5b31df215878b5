import { upsertOrganisation } from '@folkemote/db';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvent, createTestOrganiser, openSse, signInForTest } from '../src/testing/index.ts';

let system: TestSystem;
let session: { cookie: string; csrfToken: string };
beforeAll(async () => {
  system = await startTestSystem();
  session = await signInForTest(system.url, await createTestOrganiser(system));
});
afterAll(async () => {
  await system?.stop();
});

const tokensUrl = () => `${system.url}/api/organiser/api-tokens`;
const asOrganiser = (extra: Record<string, string> = {}) => ({
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
  ...extra,
});
const create = (name: unknown, headers: Record<string, string> = asOrganiser()) =>
  fetch(tokensUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name }),
  });
const revoke = (id: string, headers: Record<string, string> = asOrganiser()) =>
  fetch(`${tokensUrl()}/${id}`, { method: 'DELETE', headers });
const list = async () =>
  (
    (await (await fetch(tokensUrl(), { headers: { cookie: session.cookie } })).json()) as {
      tokens: Array<{ id: string; name: string; revokedAt: string | null }>;
    }
  ).tokens;
const eventsWith = (token: string) =>
  fetch(`${system.url}/api/organiser/events`, { headers: { authorization: `Bearer ${token}` } });

interface Created {
  id: string;
  name: string;
  token: string;
  createdAt: string;
  lastUsedAt: null;
  revokedAt: null;
}

describe('API tokens in the web app', () => {
  it('makes a token shown once, lists it without the secret, and it works at once', async () => {
    const response = await create('  Fylkets CMS  ');
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = (await response.json()) as Created;
    expect(created).toMatchObject({ name: 'Fylkets CMS', token: expect.stringMatching(/^fmt_[\w-]{43}$/) });
    const listed = await list();
    expect(listed.find((t) => t.id === created.id)).toMatchObject({ name: 'Fylkets CMS', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect((await eventsWith(created.token)).status).toBe(200);
  });

  it('revokes a token: refused at once, its open streams end, and a second revoke is 404', async () => {
    const created = (await (await create('Nettsidene')).json()) as Created;
    const event = await createTestEvent(system.deps.db, { capacity: 10 });
    const stream = await openSse(`${system.url}/api/events/${event.slug}/questions`, {
      authorization: `Bearer ${created.token}`,
    });
    expect(stream.status).toBe(200);
    await stream.waitFor((events) => events.some((e) => e.event === 'snapshot'));

    expect((await revoke(created.id)).status).toBe(204);
    await stream.ended;
    const refused = await eventsWith(created.token);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_token' } });
    expect((await list()).find((t) => t.id === created.id)?.revokedAt).not.toBeNull();
    const again = await revoke(created.id);
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ error: { code: 'token_not_found' } });
  });

  it('keeps to the organisation: another one’s token can be neither seen nor revoked', async () => {
    await upsertOrganisation(system.deps.db, { slug: 'nabokommune', name: 'Nabokommune' });
    const neighbour = await signInForTest(
      system.url,
      await createTestOrganiser(system, { organisation: { slug: 'nabokommune', name: 'Nabokommune' } }),
    );
    const theirs = (await (
      await create('Nabokommunens CMS', { cookie: neighbour.cookie, 'x-csrf-token': neighbour.csrfToken })
    ).json()) as Created;
    expect((await list()).map((t) => t.id)).not.toContain(theirs.id);
    expect((await revoke(theirs.id)).status).toBe(404);
    expect((await eventsWith(theirs.token)).status).toBe(200);
  });

  it('is for signed-in organisers only: no token, no CSRF-less browser, no bad name', async () => {
    const created = (await (await create('Automatisering')).json()) as Created;
    const bearer = { authorization: `Bearer ${created.token}` };
    const byToken = await fetch(tokensUrl(), { headers: bearer });
    expect(byToken.status).toBe(403);
    expect(await byToken.json()).toMatchObject({ error: { code: 'accounts_only' } });
    expect((await create('Etterfølger', bearer)).status).toBe(403);
    expect((await revoke(created.id, bearer)).status).toBe(403);
    expect((await fetch(tokensUrl())).status).toBe(401);
    expect((await create('Uten CSRF', { cookie: session.cookie })).status).toBe(403);
    expect((await revoke(created.id, { cookie: session.cookie })).status).toBe(403);

    const before = (await list()).length;
    const bad = await create('   ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { name: ['must not be empty'] } } });
    expect((await create('x'.repeat(201))).status).toBe(400);
    expect((await list()).length).toBe(before);
    expect((await revoke('not-a-uuid')).status).toBe(404);
    // The token is still good: a refused revoke changed nothing.
    expect((await eventsWith(created.token)).status).toBe(200);
  });
});
