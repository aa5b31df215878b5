import { mkdir, rm } from 'node:fs/promises';
import {
  createTestEvent,
  createTestStaffLink,
  registerForTest,
  startTestSystem,
  type TestSystem,
} from '@folkemote/system/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// The room and its Q&A with polls, as staff and an attendee walk it: questions before the start
// where the organiser allows them, a poll prepared beforehand and opened live, answered once, with
// the audience count and the raised-hand alert for staff. The real API with LiveKit's stand-in.
const screenshots = '.data/screenshots/room-polls';
let dist: string;
let system: TestSystem;
let browser: Browser;
let event: { id: string; slug: string };
let attendeeToken: string;
let hostToken: string;
let moderatorToken: string;
let attendeePage: Page;
let hostPage: Page;
let moderatorPage: Page;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({}, { webDistDir: dist });
  // A new event's Q&A as the organiser gets it: pre-moderated, questions once the room is live.
  event = await createTestEvent(system.deps.db, { capacity: 50 }, { startsInHours: 0.5, newEventQa: true });
  attendeeToken = (
    await registerForTest(system.url, event.slug, {
      name: 'Kari Nordmann',
      email: 'kari.nordmann@example.no',
    })
  ).joinToken;
  hostToken = (await createTestStaffLink(system, event, 'host', 'Hanne Vert')).token;
  moderatorToken = (await createTestStaffLink(system, event, 'moderator', 'Mona Moderator')).token;
  browser = await launchBrowser();
  attendeePage = await newPage();
  hostPage = await newPage();
  moderatorPage = await newPage();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  return context.newPage();
}

const roomUrl = (token: string) => `${system.url}/arrangement/${event.slug}/direkte#${token}`;
const pollQuestion = 'Hvilken dag passer best for neste folkemøte?';

describe('the room and the Q&A with polls', () => {
  it('takes questions before the start only once the organiser allows it, and prepares a poll beforehand', async () => {
    await attendeePage.goto(roomUrl(attendeeToken));
    await attendeePage.getByRole('heading', { name: 'Webinaret har ikke startet ennå' }).waitFor();
    // Nothing to ask yet: the organiser has not opened for questions before the start.
    await attendeePage.waitForTimeout(1000);
    expect(await attendeePage.getByRole('heading', { name: 'Spørsmål', exact: true }).count()).toBe(0);

    await moderatorPage.goto(`${system.url}/arrangement/${event.slug}/moderator#${moderatorToken}`);
    await moderatorPage.getByRole('heading', { level: 1, name: /^Moderering: / }).waitFor();
    // Pre-moderation is on by default; questions before the start are the organiser's choice.
    expect(await moderatorPage.getByLabel('Godkjenn spørsmål før publikum ser dem').isChecked()).toBe(true);
    await moderatorPage.getByLabel('Ta imot spørsmål før webinaret starter').check();
    await moderatorPage.getByText('Innstillingene er lagret.').waitFor();

    const ask = attendeePage.getByRole('heading', { name: 'Spørsmål', exact: true });
    await ask.waitFor();
    await attendeePage.getByLabel('Ditt spørsmål').fill('Blir opptaket lagt ut etterpå?');
    await attendeePage.getByRole('button', { name: 'Send spørsmålet' }).click();
    await attendeePage
      .locator('.qa-item', { hasText: 'Blir opptaket lagt ut etterpå?' })
      .getByText('Venter på godkjenning')
      .waitFor();
    await expectNoAxeViolations(attendeePage);
    await mkdir(screenshots, { recursive: true });
    await attendeePage.screenshot({
      path: `${screenshots}/attendee-waiting-question-nb.png`,
      fullPage: true,
    });

    // The moderator prepares a poll; the audience does not see a draft.
    const manager = moderatorPage.locator('.poll-manager');
    await manager.getByLabel('Spørsmål', { exact: true }).fill(pollQuestion);
    // The domain's limits hold before anything is sent: a choice of 201 characters is named.
    await manager.getByLabel('Svaralternativer').fill(`Tirsdag\n${'x'.repeat(201)}`);
    await manager.getByRole('button', { name: 'Lagre avstemningen' }).click();
    await manager.getByText('Svaralternativ 2 er for langt: høyst 200 tegn.').waitFor();
    await manager.getByLabel('Svaralternativer').fill('Tirsdag\nTorsdag\nLørdag');
    await manager.getByRole('button', { name: 'Lagre avstemningen' }).click();
    await manager.getByText('Avstemningen er lagret som utkast.').waitFor();
    await manager.locator('.poll-card', { hasText: pollQuestion }).getByText('Utkast').waitFor();
    await expectNoAxeViolations(moderatorPage);
    await moderatorPage.screenshot({ path: `${screenshots}/moderator-poll-draft-nb.png`, fullPage: true });
    expect(await attendeePage.getByText(pollQuestion).count()).toBe(0);
  });

  it('opens the poll live; the attendee answers once and sees the results; staff see the audience and the raised hand', async () => {
    await hostPage.goto(roomUrl(hostToken));
    await hostPage.getByRole('button', { name: 'Åpne bak scenen' }).click();
    await hostPage.getByRole('button', { name: 'Gå direkte' }).click();
    await hostPage.locator('.room-status').getByText('Direkte nå').waitFor();

    await attendeePage.getByRole('button', { name: 'Bli med i webinaret' }).click();
    await attendeePage.getByRole('button', { name: 'Rekk opp hånda' }).waitFor();
    // Staff see how many attendees are watching (asked for every ten seconds).
    await hostPage.getByTestId('watching').getByText('1 deltaker ser på').waitFor({ timeout: 15_000 });

    await hostPage.getByRole('tab', { name: 'Spørsmål' }).click();
    const hostPoll = hostPage.locator('.poll-manager .poll-card', { hasText: pollQuestion });
    await hostPoll.getByRole('button', { name: /^Åpne/ }).click();
    await hostPoll.getByText('Åpen').waitFor();

    const card = attendeePage.locator('.poll-card', { hasText: pollQuestion });
    await card.waitFor();
    await expect
      .poll(() => attendeePage.getByTestId('qa-announcer').textContent())
      .toContain(`Ny avstemning: ${pollQuestion}`);
    await expectNoAxeViolations(attendeePage);
    await card.getByRole('button', { name: 'Send svar' }).click();
    await card.getByText('Velg ett svar før du sender.').waitFor();
    await card.getByLabel('Torsdag').check();
    await card.getByRole('button', { name: 'Send svar' }).click();
    await card.getByText('Takk, svaret ditt er registrert.').waitFor();
    await card.getByText('1 (100 %)').waitFor();
    // One answer per registration: the form is gone, and the API refuses a second one.
    expect(await card.getByRole('button', { name: 'Send svar' }).count()).toBe(0);
    await hostPoll.getByText('1 svar').waitFor();

    await attendeePage.getByRole('button', { name: 'Rekk opp hånda' }).click();
    const alert = hostPage.getByTestId('hand-alert');
    await alert.getByText('Kari Nordmann rakk opp hånden.').waitFor();
    expect(await alert.locator('xpath=..').getAttribute('aria-live')).toBe('assertive');
    await expectNoAxeViolations(hostPage);
    await expectNoAxeViolations(attendeePage);
  });

  it('shows the room and the poll at desktop and phone size, in bokmål and nynorsk', async () => {
    const sizes = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
    const pages = { host: hostPage, attendee: attendeePage };
    for (const [who, page] of Object.entries(pages)) {
      for (const language of ['nb', 'nn'] as const) {
        if (language === 'nn') {
          await page.getByRole('link', { name: 'Nynorsk' }).click();
          await page.getByRole('tab', { name: 'Spørsmål' }).click();
          await page
            .locator('.poll-card', { hasText: pollQuestion })
            .getByText(/1 svar/)
            .waitFor();
        }
        for (const [size, viewport] of Object.entries(sizes)) {
          await page.setViewportSize(viewport);
          await page.waitForTimeout(300);
          await expectNoAxeViolations(page);
          await page.screenshot({ path: `${screenshots}/${who}-${size}-${language}.png`, fullPage: true });
        }
        await page.setViewportSize(sizes.desktop);
      }
      await page.getByRole('link', { name: 'Bokmål' }).click();
    }
    await hostPage.getByRole('link', { name: 'Nynorsk' }).click();
    await hostPage.getByTestId('watching').getByText('1 deltakar ser på').waitFor({ timeout: 15_000 });
    await hostPage.getByTestId('hand-alert').getByText('Kari Nordmann rekte opp handa.').waitFor();
  });
});
