import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiToken, createTestOrganiser, signInForTest } from '../src/testing/index.ts';

let system: TestSystem;
let token: string;
let otherToken: string;
beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
  otherToken = await createTestApiToken(system, { slug: 'nabokommune', name: 'Nabokommune' });
});
afterAll(async () => {
  await system?.stop();
});

const call = (method: string, path: string, body?: unknown, bearer = token) =>
  fetch(`${system.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const newEvent = (slug: string, extra: Record<string, unknown> = {}) => ({
  title: 'Kommuneplan – innspillsmøte',
  slug,
  description: 'Vi går gjennom **planforslaget**.\n\n<script>alert(1)</script>',
  startsAt: '2027-03-10T10:00',
  endsAt: '2027-03-10T11:30',
  contact: { name: 'Planrådgiver', email: 'plan@testkommune.example.no', phone: '+47 75 00 00 00' },
  ...extra,
});

describe('creating events', () => {
  it('creates a draft in the organiser’s organisation: 201 with the slug', async () => {
    const response = await call('POST', '/api/events', newEvent('kommuneplan-2027', { capacity: 40 }));
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/organiser/events/kommuneplan-2027');
    const event = (await response.json()) as Record<string, unknown>;
    expect(event).toMatchObject({
      slug: 'kommuneplan-2027',
      status: 'draft',
      organisation: { slug: 'testkommune' },
      startsAt: '2027-03-10T09:00:00.000Z',
      mode: 'online',
      language: 'nb',
      capacity: 40,
      waitlistEnabled: true,
      recorded: false,
      retentionDays: 30,
      counts: { confirmed: 0, waitlisted: 0, cancelled: 0 },
    });
    expect(event.descriptionHtml).toContain('<strong>planforslaget</strong>');
    expect(event.descriptionHtml).not.toContain('<script>');
    // Drafts stay out of the public API.
    expect((await fetch(`${system.url}/api/events/kommuneplan-2027`)).status).toBe(404);
  });

  it('names every bad field in a 400 and stores nothing', async () => {
    const response = await call('POST', '/api/events', {
      title: '',
      slug: 'Ugyldig slug!',
      description: 7,
      startsAt: 'neste tirsdag',
      endsAt: '2027-13-01T10:00',
      mode: 'teleportert',
      language: 'sv',
      registrationOpensAt: 'snart',
      registrationClosesAt: 'seinare',
      capacity: -5,
      waitlistEnabled: 'kanskje',
      contact: { name: '', email: 'ikke-en-epost', phone: 'ring' },
      recorded: 'ja',
      retentionDays: 99999,
      customQuestions: 'hva?',
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { code: string; fields: Record<string, string[]> };
    };
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields).sort()).toEqual([
      'capacity',
      'contact.email',
      'contact.name',
      'contact.phone',
      'customQuestions',
      'description',
      'endsAt',
      'language',
      'mode',
      'recorded',
      'registrationClosesAt',
      'registrationOpensAt',
      'retentionDays',
      'slug',
      'startsAt',
      'title',
      'waitlistEnabled',
    ]);
    const list = (await (await call('GET', '/api/organiser/events')).json()) as {
      events: { slug: string }[];
    };
    expect(list.events.map((e) => e.slug)).not.toContain('Ugyldig slug!');
  });

  it('checks fields against each other: end after start, address on site', async () => {
    const response = await call(
      'POST',
      '/api/events',
      newEvent('feil-rekkefolge', { endsAt: '2027-03-10T09:00', mode: 'onsite' }),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { fields: Record<string, string[]> } };
    expect(error.fields).toEqual({
      endsAt: ['must be after the start'],
      address: ['is required for an event on site or hybrid'],
    });
  });

  it('refuses a slug in use with 409 naming the field', async () => {
    await call('POST', '/api/events', newEvent('dobbelt-slug'));
    const response = await call('POST', '/api/events', newEvent('dobbelt-slug'), otherToken);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'slug_taken', fields: { slug: expect.any(Array) } },
    });
  });

  it('needs an organiser', async () => {
    const response = await fetch(`${system.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(newEvent('uten-innlogging')),
    });
    expect(response.status).toBe(401);
  });
});

describe('editing, publishing, cancelling and duplicating', () => {
  it('edits with a patch, checked as a whole', async () => {
    await call('POST', '/api/events', newEvent('redigeres'));
    const edited = await call('PATCH', '/api/events/redigeres', {
      mode: 'hybrid',
      address: 'Rådhuset, Storgata 1',
      capacity: null,
      contact: { phone: null },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      mode: 'hybrid',
      address: 'Rådhuset, Storgata 1',
      capacity: null,
      contact: { name: 'Planrådgiver', phone: null },
    });
    const bad = await call('PATCH', '/api/events/redigeres', {
      mode: 'onsite',
      address: null,
      capacity: 2.5,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toEqual({
      capacity: ['must be a whole number'],
    });
    const crossField = await call('PATCH', '/api/events/redigeres', { mode: 'onsite', address: null });
    expect(
      ((await crossField.json()) as { error: { fields: Record<string, string[]> } }).error.fields,
    ).toEqual({
      address: ['is required for an event on site or hybrid'],
    });
  });

  it('renames the slug', async () => {
    await call('POST', '/api/events', newEvent('gammel-adresse'));
    const renamed = await call('PATCH', '/api/events/gammel-adresse', { slug: 'ny-adresse' });
    expect(renamed.status).toBe(200);
    expect((await call('GET', '/api/organiser/events/ny-adresse')).status).toBe(200);
    expect((await call('GET', '/api/organiser/events/gammel-adresse')).status).toBe(404);
  });

  it('publishes a draft so the public sees it, and publishing again changes nothing', async () => {
    await call('POST', '/api/events', newEvent('publiseres'));
    const published = await call('POST', '/api/events/publiseres/publish');
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: 'published' });
    expect((await call('POST', '/api/events/publiseres/publish')).status).toBe(200);
    const pub = await fetch(`${system.url}/api/events/publiseres`);
    expect(pub.status).toBe(200);
    expect(await pub.json()).toMatchObject({ slug: 'publiseres', status: 'published' });
  });

  it('ignores a body sent to a change that takes none, and refuses JSON that is not to one that does', async () => {
    await call('POST', '/api/events', newEvent('tom-kropp'));
    const asJson = (path: string, body: string) =>
      fetch(`${system.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
    const published = await asJson('/api/events/tom-kropp/publish', '');
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: 'published' });
    expect((await asJson('/api/events/tom-kropp/publish', '{"status":')).status).toBe(200);
    const broken = await asJson('/api/events', '{"slug":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'bad_request' } });
    const poisoned = await asJson(
      '/api/events',
      JSON.stringify(newEvent('forgiftet')).replace('{', '{"__proto__":{"admin":true},'),
    );
    expect(poisoned.status).toBe(400);
    expect((await call('GET', '/api/organiser/events/forgiftet')).status).toBe(404);
  });

  it('cancels: the event stays visible as cancelled and can no longer be edited or published', async () => {
    await call('POST', '/api/events', newEvent('avlyses'));
    await call('POST', '/api/events/avlyses/publish');
    const cancelled = await call('POST', '/api/events/avlyses/cancel');
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect(await (await fetch(`${system.url}/api/events/avlyses`)).json()).toMatchObject({
      status: 'cancelled',
    });
    expect((await call('PATCH', '/api/events/avlyses', { title: 'Ny tittel' })).status).toBe(409);
    expect((await call('POST', '/api/events/avlyses/publish')).status).toBe(409);
    expect((await call('POST', '/api/events/avlyses/cancel')).status).toBe(200);
  });

  it('duplicates into a new draft with a free slug', async () => {
    await call('POST', '/api/events', newEvent('gjentas', { capacity: 25, recorded: true }));
    await call('POST', '/api/events/gjentas/publish');
    const first = await call('POST', '/api/events/gjentas/duplicate');
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      slug: 'gjentas-kopi',
      status: 'draft',
      capacity: 25,
      recorded: true,
    });
    const second = await call('POST', '/api/events/gjentas/duplicate');
    expect(await second.json()).toMatchObject({ slug: 'gjentas-kopi-2' });
  });

  it('keeps other organisations’ events out of reach', async () => {
    await call('POST', '/api/events', newEvent('bare-var'));
    for (const [method, path] of [
      ['GET', '/api/organiser/events/bare-var'],
      ['PATCH', '/api/events/bare-var'],
      ['POST', '/api/events/bare-var/publish'],
      ['POST', '/api/events/bare-var/cancel'],
      ['POST', '/api/events/bare-var/duplicate'],
    ] as const) {
      const response = await call(
        method,
        path,
        method === 'PATCH' ? { title: 'Kapret' } : undefined,
        otherToken,
      );
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const theirs = (await (await call('GET', '/api/organiser/events', undefined, otherToken)).json()) as {
      events: { slug: string }[];
    };
    expect(theirs.events.map((e) => e.slug)).not.toContain('bare-var');
  });

  it('works from a browser session with the CSRF token', async () => {
    const organiser = await createTestOrganiser(system, { password: 'riktig-passord-123' });
    const { cookie, csrfToken } = await signInForTest(system.url, organiser);
    const post = (headers: Record<string, string>) =>
      fetch(`${system.url}/api/events`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(newEvent(`fra-nettleser-${Object.keys(headers).length}`)),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrfToken })).status).toBe(201);
  });
});
