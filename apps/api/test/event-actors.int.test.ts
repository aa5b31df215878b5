import { randomBytes } from 'node:crypto';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEventActor } from '../src/participants/require-event-actor.ts';
import {
  createTestApiToken,
  createTestEvent,
  createTestOrganiser,
  registerForTest,
  signInForTest,
} from '../src/testing/index.ts';

let system: TestSystem;
let probe: FastifyInstance;
let probeUrl: string;
let apiToken: string;

/** A route that answers with the actor, so every way in can be checked on its own. */
async function startProbe() {
  const app = Fastify();
  for (const method of ['GET', 'POST'] as const)
    app.route<{ Params: { slug: string } }>({
      method,
      url: '/probe/:slug',
      handler: async (request, reply) => {
        const found = await requireEventActor(system.deps, request, reply, request.params.slug);
        if (!found) return reply;
        return found.actor;
      },
    });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  system = await startTestSystem({ REGISTRATION_RATE_LIMIT: '1000' });
  apiToken = await createTestApiToken(system);
  ({ app: probe, url: probeUrl } = await startProbe());
});
afterAll(async () => {
  await probe?.close();
  await system?.stop();
});

const asBearer = (slug: string, token: string, method = 'GET') =>
  fetch(`${probeUrl}/probe/${slug}`, { method, headers: { authorization: `Bearer ${token}` } });
const inviteStaff = (slug: string, body: unknown, token = apiToken) =>
  fetch(`${system.url}/api/organiser/events/${slug}/staff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('who is acting on an event', () => {
  it('makes a confirmed registrant an attendee, named as registered, with an identity free of personal data', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 5 });
    const person = await registerForTest(system.url, event.slug, {
      name: 'Åse Ærlig',
      email: 'ase@example.no',
    });
    const response = await asBearer(event.slug, person.joinToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      kind: 'registration',
      id: person.id,
      eventId: event.id,
      role: 'attendee',
      displayName: 'Åse Ærlig',
      identity: `reg_${person.id}`,
    });
  });

  it('keeps waitlisted registrants and other events’ links out', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 1, waitlistEnabled: true });
    const other = await createTestEvent(system.deps.db, { capacity: 5 });
    await registerForTest(system.url, event.slug);
    const waiting = await registerForTest(system.url, event.slug);
    expect(waiting.status).toBe('waitlisted');
    const waitlisted = await asBearer(event.slug, waiting.joinToken);
    expect(waitlisted.status).toBe(403);
    expect(await waitlisted.json()).toMatchObject({ error: { code: 'waitlisted' } });

    const elsewhere = await registerForTest(system.url, other.slug);
    const wrong = await asBearer(event.slug, elsewhere.joinToken);
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: { code: 'other_event' } });
  });

  it('refuses forged links, a missing Bearer prefix and no credentials at all', async () => {
    const event = await createTestEvent(system.deps.db);
    for (const token of [
      randomBytes(32).toString('base64url'),
      `fmp_${randomBytes(32).toString('base64url')}`,
      'x',
    ]) {
      const response = await asBearer(event.slug, token);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_link' } });
    }
    const noPrefix = await fetch(`${probeUrl}/probe/${event.slug}`, { headers: { authorization: 'token' } });
    expect(noPrefix.status).toBe(401);
    const nobody = await fetch(`${probeUrl}/probe/${event.slug}`);
    expect(nobody.status).toBe(401);
    expect(await nobody.json()).toMatchObject({ error: { code: 'not_signed_in' } });
    const unknown = await asBearer('no-such-event', 'x');
    expect(unknown.status).toBe(404);
  });

  it('invites staff by link, shows the link once, and honours a revocation', async () => {
    const event = await createTestEvent(system.deps.db);
    const created = await inviteStaff(event.slug, { displayName: 'Per Presentatør', role: 'presenter' });
    expect(created.status).toBe(201);
    const staff = (await created.json()) as { id: string; joinUrl: string; role: string };
    expect(staff.joinUrl).toMatch(new RegExp(`/arrangement/${event.slug}/direkte#fmp_[\\w-]{43}$`));
    const token = staff.joinUrl.split('#')[1]!;

    const acting = await asBearer(event.slug, token);
    expect(await acting.json()).toMatchObject({
      kind: 'staff',
      role: 'presenter',
      displayName: 'Per Presentatør',
      identity: `staff_${staff.id}`,
    });

    const listed = (await (
      await fetch(`${system.url}/api/organiser/events/${event.slug}/staff`, {
        headers: { authorization: `Bearer ${apiToken}` },
      })
    ).json()) as { staff: Array<Record<string, unknown>> };
    expect(listed.staff).toEqual([
      expect.objectContaining({ id: staff.id, role: 'presenter', revokedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(token);

    const revoked = await fetch(`${system.url}/api/organiser/events/${event.slug}/staff/${staff.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(revoked.status).toBe(204);
    expect((await asBearer(event.slug, token)).status).toBe(401);
  });

  it('checks an invitation field by field and changes nothing on bad input', async () => {
    const event = await createTestEvent(system.deps.db);
    const bad = await inviteStaff(event.slug, { displayName: '<b>x</b>', role: 'attendee' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fields: Record<string, string[]> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(['displayName', 'role']);
    const listed = (await (
      await fetch(`${system.url}/api/organiser/events/${event.slug}/staff`, {
        headers: { authorization: `Bearer ${apiToken}` },
      })
    ).json()) as { staff: unknown[] };
    expect(listed.staff).toEqual([]);
  });

  it('makes organisers of the event’s organisation hosts, and nobody else', async () => {
    const event = await createTestEvent(system.deps.db);
    const viaToken = await asBearer(event.slug, apiToken, 'POST');
    expect(await viaToken.json()).toMatchObject({ kind: 'organiser', role: 'host' });

    const organiser = await createTestOrganiser(system);
    const { cookie, csrfToken } = await signInForTest(system.url, organiser);
    const viaSession = await fetch(`${probeUrl}/probe/${event.slug}`, { headers: { cookie } });
    expect(await viaSession.json()).toMatchObject({
      kind: 'organiser',
      role: 'host',
      displayName: 'Test Arrangør',
    });
    const withoutCsrf = await fetch(`${probeUrl}/probe/${event.slug}`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(withoutCsrf.status).toBe(403);
    const withCsrf = await fetch(`${probeUrl}/probe/${event.slug}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, origin: probeUrl },
    });
    expect(withCsrf.status).toBe(200);

    const stranger = await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
    const foreign = await asBearer(event.slug, stranger);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'not_your_event' } });
    const strangerInvite = await inviteStaff(event.slug, { displayName: 'X', role: 'host' }, stranger);
    expect(strangerInvite.status).toBe(404);
  });
});
