import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiToken, startTestSystem, type TestSystem } from '../src/testing.ts';
import { createTestEvent, postRegistration, registrationBody } from './support/registration-fixtures.ts';

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

const outbox = (format = '', bearer = token) =>
  fetch(`${system.url}/api/dev/outbox${format}`, { headers: { authorization: `Bearer ${bearer}` } });

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
