import { mkdir, rm } from 'node:fs/promises';
import { upsertOrganisation } from '@folkemote/db';
import type { EventRegistrationSettings } from '@folkemote/domain';
import { createTestEvent, freePort, startTestSystem, type TestSystem } from '@folkemote/system/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

/**
 * A citizen's walk through the public pages, at desktop and phone size, in bokmål and nynorsk:
 * the header, an event with a Markdown description, the form's error summary, registering (the
 * seat count follows), the calendar file and the map link, the personal page, cancelling with a
 * confirmation and the offer to register again, and the pages of a past event and of a passed
 * deadline. axe-core finds nothing on any page; the screenshots go to .data/screenshots/citizen.
 */
const screenshots = '.data/screenshots/citizen';
const sizes = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

const text = {
  nb: {
    recordings: 'Opptak',
    organiserEvents: 'Mine arrangementer',
    submit: 'Meld meg på',
    summaryTitle: 'Påmeldingen ble ikke sendt',
    consentSummary: 'Samtykke: Du må samtykke for å melde deg på.',
    name: 'Navn',
    email: 'E-postadresse',
    consent: 'Jeg har lest personvernerklæringen',
    registered: 'Du er påmeldt',
    seats: (n: number) => (n === 1 ? '1 ledig plass' : `${n} ledige plasser`),
    openPersonal: 'Åpne din personlige side',
    calendar: 'Legg til i kalenderen',
    map: 'Vis adressen på kart (OpenStreetMap)',
    cancel: 'Meld meg av',
    dialogTitle: 'Vil du melde deg av?',
    keep: 'Nei, behold plassen',
    confirm: 'Ja, meld meg av',
    cancelled: 'Du er meldt av.',
    registerAgain: 'Meld deg på igjen',
    over: 'Arrangementet er over, og påmeldingen er stengt.',
    watchReplay: 'Se opptaket',
    deadline: 'Påmeldingsfristen gikk ut',
    attendanceSummary: 'Hvordan deltar du?: Velg om du kommer på stedet eller følger med på nett.',
    inPerson: 'Jeg kommer på stedet',
    attendanceLabel: 'Deltar',
    roomFull: 'Salen er full. Du kan fortsatt melde deg på for å følge med på nett.',
  },
  nn: {
    recordings: 'Opptak',
    organiserEvents: 'Mine arrangement',
    submit: 'Meld meg på',
    summaryTitle: 'Påmeldinga vart ikkje send',
    consentSummary: 'Samtykke: Du må samtykkje for å melde deg på.',
    name: 'Namn',
    email: 'E-postadresse',
    consent: 'Eg har lese personvernerklæringa',
    registered: 'Du er påmeld',
    seats: (n: number) => (n === 1 ? '1 ledig plass' : `${n} ledige plassar`),
    openPersonal: 'Opne den personlege sida di',
    calendar: 'Legg til i kalenderen',
    map: 'Vis adressa på kart (OpenStreetMap)',
    cancel: 'Meld meg av',
    dialogTitle: 'Vil du melde deg av?',
    keep: 'Nei, behald plassen',
    confirm: 'Ja, meld meg av',
    cancelled: 'Du er meld av.',
    registerAgain: 'Meld deg på att',
    over: 'Arrangementet er over, og påmeldinga er stengd.',
    watchReplay: 'Sjå opptaket',
    deadline: 'Påmeldingsfristen gjekk ut',
    attendanceSummary: 'Korleis deltek du?: Vel om du kjem på staden eller følgjer med på nett.',
    inPerson: 'Eg kjem på staden',
    attendanceLabel: 'Deltek',
    roomFull: 'Salen er full. Du kan framleis melde deg på for å følgje med på nett.',
  },
} as const;

let dist: string;
let system: TestSystem;
let browser: Browser;
let upcoming: { id: string; slug: string };
let past: { id: string; slug: string };
let deadlinePassed: { id: string; slug: string };
let hybrid: { id: string; slug: string };
let fullRoom: { id: string; slug: string };
let replayId: string;

/** A published event of Sømna kommune, with the registration settings the step needs. */
const createEvent = (
  title: string,
  startsInHours: number,
  description: string,
  settings: Partial<Omit<EventRegistrationSettings, 'cancelledAt'>>,
) =>
  createTestEvent(system.deps.db, settings, {
    title,
    description,
    startsInHours,
    durationMinutes: 120,
    organisationSlug: 'sømna',
    organisationName: 'Sømna kommune',
    contact: { name: 'Servicetorget', email: 'post@somna.example.no', phone: null },
    newEventQa: true,
  });

/** A published replay of the event, as the pipeline leaves it in the database (the page only links it). */
async function publishReplayOf(eventId: string): Promise<string> {
  const db = system.deps.db;
  const { rows } = await db.query<{ id: string }>(
    `insert into recordings (event_id, title, state, publication, source_key, organisation_id, published_at)
     select $1, 'Opptak', 'published', 'public', 'sources/x', organisation_id, now() from events where id = $1 returning id`,
    [eventId],
  );
  const version = await db.query<{ id: string }>(
    `insert into recording_versions (recording_id, kind, state, prefix) values ($1, 'full', 'public', 'v/1') returning id`,
    [rows[0]!.id],
  );
  await db.query('update recordings set published_version_id = $2 where id = $1', [
    rows[0]!.id,
    version.rows[0]!.id,
  ]);
  return rows[0]!.id;
}

beforeAll(async () => {
  dist = await buildWebApp();
  const port = await freePort();
  system = await startTestSystem(
    { PORT: String(port), PUBLIC_APP_URL: `http://localhost:${port}`, REGISTRATION_RATE_LIMIT: '1000' },
    { webDistDir: dist },
  );
  await upsertOrganisation(system.deps.db, { slug: 'sømna', name: 'Sømna kommune' });
  upcoming = await createEvent(
    'Kommuneplanen: samfunnsdelen',
    10 * 24,
    'Vi legger fram **samfunnsdelen** av kommuneplanen.\n\n- Bakgrunn\n- Hovedgrep\n\nLes mer på [kommunens side](https://somna.example.no/plan).',
    { capacity: 5, mode: 'onsite', address: 'Rådhuset, Vegaveien 1, 8920 Sømna' },
  );
  past = await createEvent('Budsjettmøte 2026', -48, 'Gjennomgang av **budsjettet**.', { recorded: true });
  replayId = await publishReplayOf(past.id);
  deadlinePassed = await createEvent('Ungdommens kommunestyre', 24, 'Møte for ungdom.', {
    registrationClosesAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  hybrid = await createEvent('Kommunestyremøte med folkemøte', 5 * 24, 'Åpent for alle.', {
    mode: 'hybrid',
    address: 'Kommunestyresalen, Vegaveien 1, 8920 Sømna',
  });
  fullRoom = await createEvent('Innbyggermøte i Vik', 6 * 24, 'Om skolestrukturen.', {
    mode: 'hybrid',
    address: 'Vik samfunnshus',
    roomCapacity: 1,
  });
  const taken = await fetch(`${system.url}/api/events/${fullRoom.slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Først',
      email: 'forst@example.no',
      consent: true,
      attendance: 'in_person',
    }),
  });
  if (taken.status !== 201) throw new Error(`The room's one seat was not taken: ${taken.status}`);
  browser = await launchBrowser();
  await mkdir(screenshots, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function newPage(size: keyof typeof sizes): Promise<Page> {
  const context = await browser.newContext({
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: sizes[size],
  });
  return context.newPage();
}

const seatsShown = async (page: Page) =>
  (await page
    .locator('.facts dd', { hasText: /ledige? plass/ })
    .first()
    .textContent()) ?? '';

for (const size of Object.keys(sizes) as Array<keyof typeof sizes>) {
  for (const language of ['nb', 'nn'] as const) {
    const t = text[language];
    // Whole pages, but a modal as the person sees it: the viewport, the backdrop over it.
    const shot = (page: Page, name: string, fullPage = true) =>
      page.screenshot({ path: `${screenshots}/${name}-${size}-${language}.png`, fullPage });
    const at = (path: string) => `${system.url}${path}${language === 'nb' ? '' : `?lang=${language}`}`;

    describe(`a citizen, ${size}, ${language}`, () => {
      it('finds the event, registers, gets the calendar and the map, and cancels with a confirmation', async () => {
        const page = await newPage(size);
        await page.goto(at('/'));
        // The header: the public archive, and no organiser links for a citizen.
        const recordings = page
          .getByRole('navigation')
          .getByRole('link', { name: t.recordings, exact: true });
        await recordings.waitFor();
        expect(await recordings.getAttribute('href')).toMatch(/\/index\.html$/);
        expect(await page.getByRole('link', { name: t.organiserEvents }).count()).toBe(0);
        // The card shows the description as plain text: the words without the Markdown marks.
        const card = page.locator('.event-card', { hasText: 'Kommuneplanen: samfunnsdelen' });
        expect(await card.locator('.event-card__description').textContent()).toContain(
          'Vi legger fram samfunnsdelen av kommuneplanen.',
        );
        expect(await card.textContent()).not.toContain('**');
        await expectNoAxeViolations(page);
        await shot(page, 'home');

        await card.getByRole('link', { name: 'Kommuneplanen: samfunnsdelen' }).click();
        await page.getByRole('heading', { level: 1, name: 'Kommuneplanen: samfunnsdelen' }).waitFor();
        // The description as Markdown renders it, the same as the editor's preview.
        expect(await page.locator('.prose strong').textContent()).toBe('samfunnsdelen');
        expect(await page.locator('.prose li').allInnerTexts()).toEqual(['Bakgrunn', 'Hovedgrep']);
        expect(await page.locator('.prose a').getAttribute('href')).toBe('https://somna.example.no/plan');
        // A map link (no embedded map) and the calendar file.
        const map = page.getByRole('link', { name: t.map });
        expect(await map.getAttribute('href')).toBe(
          'https://www.openstreetmap.org/search?query=R%C3%A5dhuset%2C%20Vegaveien%201%2C%208920%20S%C3%B8mna',
        );
        const calendar = page.getByRole('link', { name: t.calendar });
        const ics = await (await fetch(`${system.url}${await calendar.getAttribute('href')}`)).text();
        expect(ics).toContain('METHOD:PUBLISH');
        expect(ics).toContain('SUMMARY;LANGUAGE=nb:Kommuneplanen: samfunnsdelen');
        const seatsBefore = await seatsShown(page);
        await expectNoAxeViolations(page);
        await shot(page, 'event');

        // An empty submit: the summary names the consent in a word and fits its box.
        await page.getByRole('button', { name: t.submit }).click();
        const summary = page.locator('.error-summary');
        await summary.getByRole('heading', { name: t.summaryTitle }).waitFor();
        expect(await summary.getByRole('link', { name: t.consentSummary }).count()).toBe(1);
        const fits = await summary.evaluate((box) => box.scrollWidth <= box.clientWidth);
        expect(fits).toBe(true);
        await expectNoAxeViolations(page);
        await shot(page, 'error-summary');

        await page.getByLabel(t.name, { exact: true }).fill('Ingrid Innbygger');
        await page.getByLabel(t.email).fill(`ingrid-${size}-${language}@example.no`);
        await page.getByLabel(t.consent, { exact: false }).check();
        await page.getByRole('button', { name: t.submit }).click();
        await page.getByRole('heading', { name: t.registered }).waitFor();
        // The seat count follows one's own registration.
        const left = Number(/\d+/.exec(seatsBefore)![0]);
        await page.getByText(t.seats(left - 1), { exact: true }).waitFor();
        await expectNoAxeViolations(page);
        await shot(page, 'registered');

        await page.getByRole('link', { name: t.openPersonal }).click();
        await page.getByRole('button', { name: t.cancel }).waitFor();
        expect(await page.getByRole('link', { name: t.calendar }).count()).toBe(1);
        await page.getByText(t.seats(left - 1), { exact: true }).waitFor();
        await expectNoAxeViolations(page);
        await shot(page, 'personal');

        // Cancelling asks first; keeping the seat changes nothing.
        await page.getByRole('button', { name: t.cancel }).click();
        const dialog = page.getByRole('dialog', { name: t.dialogTitle });
        await dialog.waitFor();
        expect(
          await dialog.getByRole('button', { name: t.keep }).evaluate((b) => b === document.activeElement),
        ).toBe(true);
        await expectNoAxeViolations(page);
        await shot(page, 'cancel-dialog', false);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        expect(await page.getByText(t.cancelled).count()).toBe(0);

        await page.getByRole('button', { name: t.cancel }).click();
        await dialog.getByRole('button', { name: t.confirm }).click();
        await page.getByText(t.cancelled).waitFor();
        // The freed seat shows at once, and one is offered to register again.
        await page.getByText(t.seats(left), { exact: true }).waitFor();
        const again = page.getByRole('link', { name: t.registerAgain });
        expect(await again.getAttribute('href')).toContain(`/arrangement/${upcoming.slug}`);
        await expectNoAxeViolations(page);
        await shot(page, 'cancelled');
        await page.context().close();
      });

      it('registers for a hybrid event, asked whether in person or online', async () => {
        const page = await newPage(size);
        await page.goto(at(`/arrangement/${hybrid.slug}`));
        await page.getByRole('heading', { level: 1, name: 'Kommunestyremøte med folkemøte' }).waitFor();
        await page.getByLabel(t.name, { exact: true }).fill('Hans Hybrid');
        await page.getByLabel(t.email).fill(`hans-${size}-${language}@example.no`);
        await page.getByLabel(t.consent, { exact: false }).check();
        await page.getByRole('button', { name: t.submit }).click();
        // Not chosen: the summary names the question, and its link goes to the first choice.
        const entry = page.locator('.error-summary').getByRole('link', { name: t.attendanceSummary });
        await entry.waitFor();
        await entry.click();
        expect(await page.getByLabel(t.inPerson).evaluate((radio) => radio === document.activeElement)).toBe(
          true,
        );
        await expectNoAxeViolations(page);
        await shot(page, 'hybrid-choice');
        await page.getByLabel(t.inPerson).check();
        await page.getByRole('button', { name: t.submit }).click();
        await page.getByRole('heading', { name: t.registered }).waitFor();
        await page.getByRole('link', { name: t.openPersonal }).click();
        const row = page.locator('.facts div', { hasText: t.attendanceLabel });
        await row.waitFor();
        expect(await row.locator('dd').textContent()).toBe(t.inPerson);
        await expectNoAxeViolations(page);
        await page.context().close();
      });

      it('finds the room full and can still register to join online', async () => {
        const page = await newPage(size);
        await page.goto(at(`/arrangement/${fullRoom.slug}`));
        await page.getByText(t.roomFull).waitFor();
        expect(await page.getByLabel(t.inPerson).isDisabled()).toBe(true);
        await expectNoAxeViolations(page);
        await shot(page, 'room-full');
        await page.context().close();
      });

      it('sees that a past event took place and finds its replay; a passed deadline says so', async () => {
        const page = await newPage(size);
        await page.goto(at(`/arrangement/${past.slug}`));
        await page.getByText(t.over).waitFor();
        const replay = page.getByRole('link', { name: t.watchReplay });
        expect(await replay.getAttribute('href')).toMatch(new RegExp(`/replays/${replayId}/index\\.html$`));
        expect(await page.getByRole('button', { name: t.submit }).count()).toBe(0);
        expect(await page.getByRole('link', { name: t.calendar }).count()).toBe(0);
        await expectNoAxeViolations(page);
        await shot(page, 'past-event');

        await page.goto(at(`/arrangement/${deadlinePassed.slug}`));
        await page.getByText(t.deadline, { exact: false }).waitFor();
        expect(await page.getByRole('button', { name: t.submit }).count()).toBe(0);
        await expectNoAxeViolations(page);
        await shot(page, 'deadline-passed');
        await page.context().close();
      });
    });
  }
}
