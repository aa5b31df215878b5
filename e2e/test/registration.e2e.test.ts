import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { updateEventRegistrationSettings, upsertEvent, upsertOrganisation } from '@folkemote/db';
import { decodeMailParts, startTestSmtpServer, type TestSmtpServer } from '@folkemote/registration/testing';
import { freePort, startTestSystem, type TestSystem } from '@folkemote/system/testing';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

let dist: string;
let smtp: TestSmtpServer;
let system: TestSystem;
let browser: Browser;
let slug: string;
let eventId: string;

beforeAll(async () => {
  dist = await buildWebApp();
  smtp = await startTestSmtpServer();
  const port = await freePort();
  system = await startTestSystem(
    { PORT: String(port), PUBLIC_APP_URL: `http://localhost:${port}`, SMTP_URL: smtp.url },
    { webDistDir: dist },
  );
  const db = system.deps.db;
  await upsertOrganisation(db, { slug: 'nordland-fylkeskommune', name: 'Nordland fylkeskommune' });
  const startsAt = new Date(Date.now() + 10 * 24 * 3600_000);
  startsAt.setUTCHours(8, 0, 0, 0);
  const event = await upsertEvent(db, {
    slug: `folkehelse-${randomBytes(3).toString('hex')}`,
    title: 'Folkehelse i praksis: «Trygge lokalsamfunn»',
    description: 'En innføring for nye kommuner.\n\nDet blir tid til spørsmål.',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    organisationSlug: 'nordland-fylkeskommune',
    language: 'nb',
    contact: { name: 'Rådgiver folkehelse', email: 'folkehelse@example.no', phone: null },
  });
  await updateEventRegistrationSettings(db, event.id, {
    status: 'published',
    capacity: 50,
    recorded: true,
    registrationClosesAt: new Date(startsAt.getTime() - 24 * 3600_000).toISOString(),
  });
  slug = event.slug;
  eventId = event.id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  await smtp?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'nb-NO',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
  });
  return context.newPage();
}

describe('registering through the public form', () => {
  it('registers a person, e-mails a working personal link and a valid invitation, with no axe violations', async () => {
    const page = await newPage();
    await page.goto(`${system.url}/`);
    await page.getByRole('link', { name: 'Folkehelse i praksis: «Trygge lokalsamfunn»' }).click();
    await page.waitForURL(`**/arrangement/${slug}`);
    await page
      .getByRole('heading', { level: 1, name: 'Folkehelse i praksis: «Trygge lokalsamfunn»' })
      .waitFor();
    expect(await page.getByText('Webinaret blir tatt opp.').isVisible()).toBe(true);
    expect(await page.getByText('50 ledige plasser').isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // An empty submit: the summary takes focus and every field says what is wrong.
    await page.getByRole('button', { name: 'Meld meg på' }).click();
    const summary = page.getByRole('heading', { name: 'Påmeldingen ble ikke sendt' });
    await summary.waitFor();
    expect(await page.getByLabel('Navn', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field__error').count()).toBe(3);
    await expectNoAxeViolations(page);

    await page.getByLabel('Navn', { exact: true }).fill('Åse <b>Øvrebø</b>');
    await page.getByLabel('E-postadresse').fill('ase.ovrebo@example.no');
    await page.getByLabel('Kommune eller organisasjon (valgfritt)').fill('Sømna kommune');
    await page.getByLabel('Jeg har lest personvernerklæringen', { exact: false }).check();
    await page.getByRole('button', { name: 'Meld meg på' }).click();
    await page.getByRole('heading', { name: 'Du er påmeldt' }).waitFor();
    await expectNoAxeViolations(page);

    const mail = decodeMailParts((await smtp.waitFor((m) => m.to.includes('ase.ovrebo@example.no'))).raw);
    expect(mail.subject).toBe('Påmeldingen er bekreftet: Folkehelse i praksis: «Trygge lokalsamfunn»');
    const link = /http:\/\/localhost:\d+\/p\/[\w-]{43}/.exec(mail.text)?.[0];
    expect(link).toBeDefined();

    // The invitation parses, and carries the Oslo time zone, a zoned start, a stable UID and a SEQUENCE.
    expect(mail.calendars.length).toBeGreaterThan(0);
    const calendar = new ICAL.Component(ICAL.parse(mail.calendars[0]!));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const timezone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(timezone.getFirstPropertyValue('tzid')).toBe('Europe/Oslo');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const dtstart = vevent.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Europe/Oslo');
    expect(vevent.getFirstPropertyValue('uid')).toBe(`event-${eventId}@localhost`);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
    const zone = new ICAL.Timezone(timezone);
    const start = (dtstart.getFirstValue() as ICAL.Time).clone();
    start.zone = zone;
    const { rows } = await system.deps.db.query<{ starts_at: Date }>(
      'select starts_at from events where id = $1',
      [eventId],
    );
    expect(start.toJSDate().getTime()).toBe(new Date(rows[0]!.starts_at).getTime());

    // The personal link opens the registrant's own page, the markup they typed shown as text.
    const personal = await newPage();
    await personal.goto(link!);
    await personal.getByRole('heading', { level: 1, name: 'Din påmelding' }).waitFor();
    expect(await personal.getByText('Åse <b>Øvrebø</b>').isVisible()).toBe(true);
    expect(await personal.locator('dd b').count()).toBe(0);
    expect(await personal.getByText('Påmeldt', { exact: true }).first().isVisible()).toBe(true);
    await expectNoAxeViolations(personal);

    await personal.getByRole('button', { name: 'Meld meg av' }).click();
    await personal.getByRole('dialog').getByRole('button', { name: 'Ja, meld meg av' }).click();
    await personal.getByText('Du er meldt av.').waitFor();
    await personal.close();
    await page.close();
  });

  it('shows a forged personal link as not valid', async () => {
    const page = await newPage();
    await page.goto(`${system.url}/p/${'A'.repeat(43)}`);
    await page.getByText('Denne lenken er ikke gyldig, eller opplysningene er slettet.').waitFor();
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('has a privacy page per event that says what is kept, why, how long and how to delete it', async () => {
    const page = await newPage();
    await page.goto(`${system.url}/arrangement/${slug}/personvern`);
    await page.getByRole('heading', { level: 1, name: /^Personvern:/ }).waitFor();
    expect(await page.getByText('Opplysningene slettes automatisk 30 dager etter').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
