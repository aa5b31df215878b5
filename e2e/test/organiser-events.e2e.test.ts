import { rm } from 'node:fs/promises';
import { createTestOrganiser, startTestSystem, type TestSystem } from '@folkemote/system/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// The real API with the web app built for this test, signed in through the real sign-in form.
let dist: string;
let system: TestSystem;
let browser: Browser;
let page: Page;
let organiser: { email: string; password: string };

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({}, { webDistDir: dist });
  organiser = await createTestOrganiser(system, {
    organisation: { slug: 'somna-kommune', name: 'Sømna kommune' },
    password: 'et-langt-demo-passord',
  });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe('an organiser', () => {
  it('is sent to the sign-in page, which has no axe violations, and signs in', async () => {
    await page.goto(`${system.url}/organiser/events`);
    await page.waitForURL(/\/organiser\/sign-in\?next=/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn som arrangør' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('E-postadresse').fill(organiser.email);
    await page.getByLabel('Passord').fill('feil passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('E-postadressen eller passordet er feil.').waitFor();

    await page.getByLabel('Passord').fill(organiser.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(`${system.url}/organiser/events`);
    await page.getByText('Logget inn som Test Arrangør, Sømna kommune').waitFor();
    await page.getByText('Dere har ingen arrangementer ennå.').waitFor();
    await expectNoAxeViolations(page);
  });

  it('sees every problem of an incomplete event in an error summary without axe violations', async () => {
    await page.getByRole('link', { name: 'Nytt arrangement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt arrangement' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Lagre' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    // The summary takes focus so a screen reader reads it out.
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const entries = await summary.getByRole('link').allTextContents();
    expect(entries).toEqual([
      'Tittel: Må ha minst 3 tegn.',
      'Nettadresse til arrangementet: Må ha minst 3 tegn.',
      'Starter: Skriv inn dato og klokkeslett.',
      'Slutter: Skriv inn dato og klokkeslett.',
      'Kontaktperson: Navn: Må fylles ut.',
      'Kontaktperson: E-post: Skriv inn en gyldig e-postadresse.',
    ]);
    expect(await page.getByLabel('Tittel (må fylles ut)').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    // Each entry takes the organiser to its field.
    await summary.getByRole('link', { name: /^Starter/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('event-startsAt');
  });

  it('creates the event as a draft and publishes it', async () => {
    await page.getByLabel('Tittel (må fylles ut)').fill('Folkehelse i Sømna – åpent møte');
    expect(await page.getByLabel('Nettadresse til arrangementet (må fylles ut)').inputValue()).toBe(
      'folkehelse-i-somna-apent-mote',
    );
    await page.getByLabel('Starter (må fylles ut)').fill('2027-03-10T10:00');
    await page.getByLabel('Slutter (må fylles ut)').fill('2027-03-10T11:30');
    await page.getByLabel('Beskrivelse').fill('Vi snakker om **folkehelse**.\n\n<script>alert(1)</script>');
    await page.getByLabel('Antall plasser').fill('60');
    await page.getByLabel('Navn (må fylles ut)').fill('Folkehelsekoordinator');
    await page.getByLabel('E-post (må fylles ut)').fill('folkehelse@somna.example.no');
    await page.getByLabel('Webinaret tas opp').check();
    await page.getByRole('button', { name: 'Lagre' }).click();

    await page.waitForURL(`${system.url}/organiser/events/folkehelse-i-somna-apent-mote`);
    await page.getByText('Arrangementet er opprettet som utkast.').waitFor();
    // The description preview is the API's sanitised HTML: the script is shown as text, never run.
    expect(await page.locator('.preview strong').textContent()).toBe('folkehelse');
    expect(await page.locator('.preview script').count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.getByText('Arrangementet er publisert.').waitFor();
    const published = (await (
      await fetch(`${system.url}/api/events/folkehelse-i-somna-apent-mote`)
    ).json()) as Record<string, unknown>;
    expect(published).toMatchObject({
      status: 'published',
      title: 'Folkehelse i Sømna – åpent møte',
      startsAt: '2027-03-10T09:00:00.000Z',
      capacity: 60,
      recorded: true,
      organisation: { slug: 'somna-kommune' },
    });
  });

  it('finds it in the events list and its registrations page, without axe violations, and signs out', async () => {
    await page.getByRole('link', { name: 'Mine arrangementer' }).click();
    const row = page.getByRole('row', { name: /Folkehelse i Sømna/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Publisert');
    await expectNoAxeViolations(page);

    await row.getByRole('link', { name: /Se påmeldinger/ }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Påmeldinger: Folkehelse i Sømna – åpent møte' })
      .waitFor();
    await page.getByText('Ingen har meldt seg på ennå.').waitFor();
    expect(await page.getByRole('link', { name: 'Last ned som CSV (Excel)' }).getAttribute('href')).toBe(
      '/api/events/folkehelse-i-somna-apent-mote/registrations?format=csv&lang=nb',
    );
    // The attendance in the live room, with the replay views honestly not counted.
    const attendance = page.getByRole('region', { name: 'Deltakelse i webinaret' });
    await attendance.getByText('Ingen er påmeldt ennå.').waitFor();
    expect(await attendance.locator('.counts').textContent()).toMatch(
      /Påmeldt\s*0\s*Deltok\s*0\s*Så opptaket\s*Telles ikke/,
    );
    expect(
      await attendance.getByRole('link', { name: 'Last ned deltakelsen (CSV)' }).getAttribute('href'),
    ).toBe('/api/events/folkehelse-i-somna-apent-mote/attendance?format=csv&lang=nb');
    await page.getByRole('button', { name: 'Send melding' }).click();
    await page.locator('.error-summary').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/organiser\/sign-in/);
    await page.goto(`${system.url}/organiser/recordings`);
    await page.waitForURL(/\/organiser\/sign-in\?next=%2Forganiser%2Frecordings/);
  });
});
