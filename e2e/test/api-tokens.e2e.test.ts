import { rm } from 'node:fs/promises';
import { createTestOrganiser, startTestSystem, type TestSystem } from '@folkemote/system/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// The real API with the web app built for this test, under its security headers (CSP included).
let dist: string;
let system: TestSystem;
let browser: Browser;
let page: Page;
const blocked: string[] = [];

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({}, { webDistDir: dist });
  const organiser = await createTestOrganiser(system, {
    organisation: { slug: 'somna-kommune', name: 'Sømna kommune' },
    password: 'et-langt-demo-passord',
  });
  browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'nb-NO',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  // Chromium reports what the Content-Security-Policy blocked on the console.
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) blocked.push(message.text());
  });
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${system.url}/organiser/sign-in`);
  await page.getByLabel('E-postadresse').fill(organiser.email);
  await page.getByLabel('Passord').fill(organiser.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(`${system.url}/organiser/events`);
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

const eventsWith = (token: string) =>
  fetch(`${system.url}/api/organiser/events`, { headers: { authorization: `Bearer ${token}` } });

describe('an organiser’s API tokens, in the web app', () => {
  it('makes a token shown once, which the API accepts at once', async () => {
    await page.getByRole('link', { name: 'API-nøkler' }).click();
    await page.getByRole('heading', { level: 1, name: 'API-nøkler' }).waitFor();
    await page.getByText('Organisasjonen har ingen aktive API-nøkler.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    await page.getByText('Skriv hva nøkkelen er til.').waitFor();

    await page.getByLabel('Hva nøkkelen er til').fill('Fylkets nettsider');
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    await page.getByRole('heading', { name: 'Ny API-nøkkel: Fylkets nettsider' }).waitFor();
    const token = await page.getByLabel('Nøkkelen', { exact: true }).inputValue();
    expect(token).toMatch(/^fmt_[\w-]{43}$/);
    await page.getByRole('button', { name: 'Kopier nøkkelen' }).click();
    await page.getByText('Nøkkelen er kopiert.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await page.getByRole('row', { name: /Fylkets nettsider/ }).waitFor();
    await expectNoAxeViolations(page);
    expect((await eventsWith(token)).status).toBe(200);

    // Shown once: after a reload the page lists the token, never the token itself.
    await page.reload();
    await page.getByRole('row', { name: /Fylkets nettsider/ }).waitFor();
    expect(await page.content()).not.toContain(token);
  });

  it('revokes it after a confirmation: the API refuses it at once', async () => {
    const { token } = (await (
      await fetch(`${system.url}/api/organiser/api-tokens`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
          'x-csrf-token': await page.evaluate(
            async () => (await (await fetch('/api/auth/session')).json()).csrfToken as string,
          ),
        },
        body: JSON.stringify({ name: 'Gammelt system' }),
      })
    ).json()) as { token: string };
    expect((await eventsWith(token)).status).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Trekk tilbake API-nøkkelen Gammelt system' }).click();
    await page.getByText('API-nøkkelen Gammelt system er trukket tilbake.').waitFor();
    expect(await page.getByRole('row', { name: /Gammelt system/ }).count()).toBe(0);
    expect((await eventsWith(token)).status).toBe(401);
  });

  it('loads every page it showed without the Content-Security-Policy blocking anything', () => {
    expect(blocked).toEqual([]);
  });
});
