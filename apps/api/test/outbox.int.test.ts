import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApiToken,
  createTestEvent,
  postRegistration,
  registrationBody,
} from '../src/testing/index.ts';

// The embedded default: no SMTP_URL, so mail stays in the outbox for the organiser to read.
let system: TestSystem;
let token: string;
beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
});
afterAll(async () => {
  await system?.stop();
});

const outbox = (format = '', bearer = token, base = system.url) =>
  fetch(`${base}/api/dev/outbox${format}`, { headers: { authorization: `Bearer ${bearer}` } });

type OutboxEmail = { to: string; text: string; ics: string | null };
const outboxEmailTo = async (address: string, bearer = token, base = system.url) =>
  ((await (await outbox('', bearer, base)).json()) as { emails: OutboxEmail[] }).emails.find(
    (m) => m.to === address,
  );
/** The e-mails of a registration as the database keeps them. */
const storedEmails = async (db: TestSystem['deps']['db'], registrationId: string) =>
  (
    await db.query<{ text_body: string; ics: string | null }>(
      'select text_body, ics from outbound_emails where registration_id = $1',
      [registrationId],
    )
  ).rows;
const unfolded = (ics: string | null) => (ics ?? '').replace(/\r\n /g, '');

describe('the outbox without SMTP', () => {
  it('keeps the confirmation for the organiser of the event, escaped on its page', async () => {
    const event = await createTestEvent(system.deps.db);
    await postRegistration(
      system.url,
      event.slug,
      registrationBody('utboks', { name: '<script>alert(1)</script>' }),
    );
    await expect
      .poll(async () => ((await (await outbox()).json()) as { emails: unknown[] }).emails.length, {
        timeout: 20_000,
      })
      .toBe(1);
    const { emails } = (await (await outbox()).json()) as {
      emails: Array<{ to: string; subject: string; status: string; ics: string | null; text: string }>;
    };
    expect(emails[0]).toMatchObject({ to: 'deltaker-utboks@example.no', status: 'stored' });
    expect(emails[0]!.subject).toMatch(/^Påmeldingen er bekreftet/);
    expect(emails[0]!.ics).toContain('BEGIN:VCALENDAR');
    expect(emails[0]!.text).toMatch(/\/p\/[\w-]{43}/);

    const page = await outbox('?format=html');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');

    const other = await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
    expect(((await (await outbox('', other)).json()) as { emails: unknown[] }).emails).toEqual([]);
    expect((await fetch(`${system.url}/api/dev/outbox`)).status).toBe(401);
  });
});

describe('personal links in the outbox', () => {
  it('keeps no usable link at rest, and puts the working one back on a developer’s outbox page', async () => {
    const event = await createTestEvent(system.deps.db);
    const created = (await (
      await postRegistration(system.url, event.slug, registrationBody('hvile'))
    ).json()) as { id: string; joinUrl: string };
    const joinToken = created.joinUrl.split('/p/')[1]!;
    await expect
      .poll(async () => (await storedEmails(system.deps.db, created.id)).length, { timeout: 20_000 })
      .toBe(1);
    const [stored] = await storedEmails(system.deps.db, created.id);
    expect(`${stored!.text_body}${stored!.ics}`).not.toContain(joinToken);
    expect(stored!.text_body).toContain('/p/[personlig-lenke]');

    const shown = await outboxEmailTo('deltaker-hvile@example.no');
    expect(shown!.text).toContain(created.joinUrl);
    expect(unfolded(shown!.ics)).toContain(`URL:${created.joinUrl}`);
    expect(await (await outbox('?format=html')).text()).toContain(created.joinUrl);
    // The link read from the outbox opens the registration.
    const linkToken = /\/p\/([\w-]{43})/.exec(shown!.text)![1]!;
    const own = await fetch(`${system.url}/api/registrations/me`, {
      headers: { authorization: `Bearer ${linkToken}` },
    });
    expect(own.status).toBe(200);
  });

  it('shows an organiser no usable link in production', async () => {
    const production = await startTestSystem({
      NODE_ENV: 'production',
      LIVEKIT_URL: system.liveKitStandIn!.url,
      LIVEKIT_API_KEY: system.deps.config.livekit.apiKey,
      LIVEKIT_API_SECRET: system.deps.config.livekit.apiSecret,
    });
    try {
      const organiser = await createTestApiToken(production);
      const event = await createTestEvent(production.deps.db);
      const created = (await (
        await postRegistration(production.url, event.slug, registrationBody('produksjon'))
      ).json()) as { joinUrl: string };
      const joinToken = created.joinUrl.split('/p/')[1]!;
      await expect
        .poll(async () => outboxEmailTo('deltaker-produksjon@example.no', organiser, production.url), {
          timeout: 20_000,
        })
        .toBeDefined();
      const shown = await outboxEmailTo('deltaker-produksjon@example.no', organiser, production.url);
      expect(shown!.text).toContain(`${production.deps.config.publicAppUrl}/p/[personlig-lenke]`);
      expect(`${shown!.text}${unfolded(shown!.ics)}`).not.toContain(joinToken);
      expect(await (await outbox('?format=html', organiser, production.url)).text()).not.toContain(joinToken);
    } finally {
      await production.stop();
    }
  });
});
