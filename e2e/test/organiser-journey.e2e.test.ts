import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { insertRecording } from '@folkemote/db';
import {
  createTestEvent,
  createTestOrganiser,
  startTestSystem,
  type TestSystem,
} from '@folkemote/system/testing';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// An organiser's day with an event, at desktop and phone size, in bokmål and nynorsk: the event's
// page with the ways to the Q&A screens, the registrations with the answers to the event's own
// question, the attendance section, a recording whose job died (stalled, with a retry), and the
// room, where going live three days early asks first. Screenshots of every page go to .data/screenshots/organiser/.
const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = path.join(root, '.data/screenshots/organiser');

let dist: string;
let system: TestSystem;
let browser: Browser;
let organiser: { email: string; password: string };
let event: { id: string; slug: string };

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({}, { webDistDir: dist });
  await mkdir(shots, { recursive: true });
  event = await createTestEvent(
    system.deps.db,
    {
      customQuestions: [{ id: 'kommune', label: 'Hvilken kommune kommer du fra?', required: false }],
      mode: 'hybrid',
      address: 'Kommunestyresalen, Vikna',
    },
    { organisationSlug: 'somna-kommune', startsInHours: 72 },
  );
  organiser = await createTestOrganiser(system, {
    organisation: { slug: 'somna-kommune', name: 'Sømna kommune' },
    password: 'et-langt-demo-passord',
  });
  const registered = await fetch(`${system.url}/api/events/${event.slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Kari Nordmann',
      email: 'kari@example.no',
      consent: true,
      attendance: 'in_person',
      answers: { kommune: 'Vega' },
    }),
  });
  expect(registered.status).toBe(201);
  // A transcode whose worker died eleven minutes ago at 4 %.
  const { id } = await insertRecording(system.deps.db, {
    eventId: event.id,
    title: 'Folkehelse i Sømna – opptak',
    sourceKey: 'raw/stalled/source.mp4',
    sourceBytes: null,
  });
  await system.deps.db.query(
    `update recordings set state = 'processing',
       progress = '{"stage":"transcoding","percent":4,"etaSeconds":20}',
       updated_at = now() - interval '11 minutes' where id = $1`,
    [id],
  );
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

const words = {
  nb: {
    banner: 'Logget inn som Test Arrangør, Sømna kommune',
    slug: 'Nettadresse til arrangementet (må fylles ut)',
    qa: 'Spørsmål og svar',
    moderate: 'Moderer spørsmålene (åpnes i ny fane)',
    presenter: 'Spørsmålsskjerm for presentatøren (åpnes i ny fane)',
    registrations: 'Påmeldinger: Folkehelse i Nordland: «Trygt, godt & nært»',
    stalled: 'Transkoder – 4\u00a0% – har stått stille lenge – prøv igjen',
    retry: 'Prøv igjen – Folkehelse i Sømna – opptak',
    open: 'Åpne bak scenen',
    enter: 'Gå inn bak scenen',
    goLive: 'Gå direkte',
    confirmTitle: 'Gå direkte nå?',
    cancel: 'Avbryt',
    status: 'Påmeldt',
    staffName: 'Navn',
    staffEmail: 'E-post (valgfritt)',
    makeLink: 'Lag lenke',
    checkInLink: 'Innsjekking ved døra',
    checkInTitle: 'Innsjekking: Folkehelse i Nordland: «Trygt, godt & nært»',
    arrived: (n: number) => `${n} av 1 har møtt`,
    languageNav: 'Velg språk',
    emailed: 'Lenken er også sendt på e-post til per@example.no, med en kalenderinvitasjon.',
    attendance: 'Deltakelse i webinaret',
    inRoom: 'Påmeldt, kommer i salen',
    attendanceTable: 'Deltakelse per påmeldt',
    wasThere: 'Nei',
  },
  nn: {
    banner: 'Logga inn som Test Arrangør, Sømna kommune',
    slug: 'Nettadresse til arrangementet (må fyllast ut)',
    qa: 'Spørsmål og svar',
    moderate: 'Moderer spørsmåla (blir opna i ny fane)',
    presenter: 'Spørsmålsskjerm for presentatøren (blir opna i ny fane)',
    registrations: 'Påmeldingar: Folkehelse i Nordland: «Trygt, godt & nært»',
    stalled: 'Transkodar – 4\u00a0% – har stått stille lenge – prøv igjen',
    retry: 'Prøv igjen – Folkehelse i Sømna – opptak',
    open: 'Opne bak scena',
    enter: 'Gå inn bak scena',
    goLive: 'Gå direkte',
    confirmTitle: 'Gå direkte no?',
    cancel: 'Avbryt',
    status: 'Påmeld',
    staffName: 'Namn',
    staffEmail: 'E-post (valfritt)',
    makeLink: 'Lag lenkje',
    checkInLink: 'Innsjekking ved døra',
    checkInTitle: 'Innsjekking: Folkehelse i Nordland: «Trygt, godt & nært»',
    arrived: (n: number) => `${n} av 1 har møtt`,
    languageNav: 'Vel språk',
    emailed: 'Lenkja er òg send på e-post til per@example.no, med ein kalenderinvitasjon.',
    attendance: 'Deltaking i webinaret',
    inRoom: 'Påmeld, kjem i salen',
    attendanceTable: 'Deltaking per påmeld',
    wasThere: 'Nei',
  },
} as const;

const sizes = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

describe.each([
  ['desktop', 'nb'],
  ['phone', 'nn'],
  ['phone', 'nb'],
  ['desktop', 'nn'],
] as const)('an organiser at %s size in %s', (size, lang) => {
  const w = words[lang];
  let page: Page;
  const at = (p: string) => `${system.url}${p}${p.includes('?') ? '&' : '?'}lang=${lang}`;
  const name = (what: string) => `${what}-${size}-${lang}`;

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: sizes[size], locale: 'nb-NO' });
    page = await context.newPage();
    await page.goto(at('/organiser/sign-in'));
    await page.locator('input[type=email]').fill(organiser.email);
    await page.locator('input[type=password]').fill(organiser.password);
    await page.locator('form button[type=submit]').click();
    await page.getByText(w.banner, { exact: true }).waitFor();
  }, 60_000);
  afterAll(async () => {
    await page?.context().close();
  });

  it('sees the event with its web address labelled as such, and the ways to the Q&A screens', async () => {
    await page.goto(at(`/organiser/events/${event.slug}`));
    await page.getByLabel(w.slug).waitFor();
    expect(await page.getByLabel(w.slug).inputValue()).toBe(event.slug);
    const qa = page.getByRole('navigation', { name: w.qa });
    expect(await qa.getByRole('link', { name: w.moderate }).getAttribute('href')).toBe(
      `/arrangement/${event.slug}/moderator${lang === 'nb' ? '' : `?lang=${lang}`}`,
    );
    expect(await qa.getByRole('link', { name: w.presenter }).getAttribute('href')).toBe(
      `/arrangement/${event.slug}/presentator${lang === 'nb' ? '' : `?lang=${lang}`}`,
    );
    await expectNoAxeViolations(page);
    await shoot(page, name('event'));
  });

  it('sends a presenter their link by e-mail from the form', async () => {
    const form = page.locator('.staff-links form');
    await form.getByLabel(w.staffName, { exact: true }).fill('Per Presentatør');
    await form.getByLabel(w.staffEmail).fill('per@example.no');
    await form.getByRole('button', { name: w.makeLink }).click();
    await page.getByText(w.emailed).waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, name('staff-link-emailed'));
  });

  it('reads the answers to the event’s own question in the registrations table', async () => {
    await page.goto(at(`/organiser/events/${event.slug}/registrations`));
    await page.getByRole('heading', { level: 1, name: w.registrations }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('columnheader', { name: 'Hvilken kommune kommer du fra?' }).waitFor();
    const row = table.getByRole('row', { name: /Kari Nordmann/ });
    expect(await row.getByRole('cell').allTextContents()).toContain('Vega');
    expect(await row.getByRole('cell', { name: w.status, exact: true }).count()).toBe(1);
    expect(await page.locator('a[download][href*="/registrations?"]').getAttribute('href')).toBe(
      `/api/events/${event.slug}/registrations?format=csv&lang=${lang}`,
    );
    await expectNoAxeViolations(page);
    await shoot(page, name('registrations'));
  });

  it('reads the attendance section: the counts, in the room and online, and who was there', async () => {
    await page.goto(at(`/organiser/events/${event.slug}/registrations`));
    const section = page.getByRole('region', { name: w.attendance });
    await section.getByRole('table', { name: w.attendanceTable }).waitFor();
    const count = (label: string) =>
      section.locator('dl div').filter({ has: page.getByText(label, { exact: true }) });
    expect(await count(w.inRoom).locator('dd').textContent()).toBe('1');
    const kari = section.getByRole('row', { name: /Kari Nordmann/ });
    expect(await kari.getByRole('cell').first().textContent()).toBe(w.wasThere);
    expect(await section.locator('a[download]').getAttribute('href')).toBe(
      `/api/events/${event.slug}/attendance?format=csv&lang=${lang}`,
    );
    // Nothing runs off the side of a phone: the table scrolls in its own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await expectNoAxeViolations(page);
    await shoot(page, name('attendance'));
  });

  it('ticks Kari off at the door from the check-in list, and takes it back', async () => {
    await page.goto(at(`/organiser/events/${event.slug}/registrations`));
    await page.getByRole('link', { name: w.checkInLink }).click();
    await page.getByRole('heading', { level: 1, name: w.checkInTitle }).waitFor();
    await page.getByText(w.arrived(0)).waitFor();
    const kari = page.getByRole('checkbox', { name: /Kari Nordmann/ });
    await kari.check();
    await page.getByText(w.arrived(1)).waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, name('check-in'));
    // The tick is kept: it is there after a reload.
    await page.reload();
    await page.getByText(w.arrived(1)).waitFor();
    expect(await kari.isChecked()).toBe(true);
    await kari.uncheck();
    await page.getByText(w.arrived(0)).waitFor();
    await page.reload();
    await page.getByText(w.arrived(0)).waitFor();
    expect(await kari.isChecked()).toBe(false);
  });

  it('switches the check-in list to English without fetching it again', async () => {
    await page.goto(at(`/organiser/events/${event.slug}/check-in`));
    await page.getByText(w.arrived(0)).waitFor();
    const fetched: string[] = [];
    const onRequest = (request: Request) => {
      const { pathname } = new URL(request.url());
      if (request.method() === 'GET' && pathname.startsWith(`/api/organiser/events/${event.slug}`))
        fetched.push(pathname);
    };
    page.on('request', onRequest);
    await page
      .getByRole('navigation', { name: w.languageNav })
      .getByRole('link', { name: 'English' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Check-in: / }).waitFor();
    await page.getByText('0 of 1 have arrived').waitFor();
    // A tick and its undoing are saved after anything the switch asked for, so that would be seen by now.
    const kari = page.getByRole('checkbox', { name: /Kari Nordmann/ });
    const saved = () =>
      page.waitForResponse(
        (r) => r.request().method() !== 'GET' && r.url().includes(`/events/${event.slug}/`),
      );
    const ticked = saved();
    await kari.check();
    await ticked;
    await page.getByText('1 of 1 have arrived').waitFor();
    const unticked = saved();
    await kari.uncheck();
    await unticked;
    await page.getByText('0 of 1 have arrived').waitFor();
    page.off('request', onRequest);
    expect(fetched).toEqual([]);
  });

  it('sees the recording whose job died as stalled, with a retry', async () => {
    await page.goto(at('/organiser/recordings'));
    await page.getByText(w.stalled).first().waitFor();
    await page.getByRole('button', { name: w.retry }).first().waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, name('recordings'));
  });

  it('is asked before going live three days early, and the room stays in the backstage on no', async () => {
    await page.goto(at(`/arrangement/${event.slug}/direkte`));
    const openButton = page.getByRole('button', { name: w.open });
    const enterButton = page.getByRole('button', { name: w.enter });
    await openButton.or(enterButton).first().waitFor();
    if (await openButton.isVisible()) await openButton.click();
    else await enterButton.click();
    await page.getByRole('navigation', { name: w.qa }).getByRole('link', { name: w.moderate }).waitFor();
    const goLive = page.getByRole('button', { name: w.goLive, exact: true });
    if (!(await goLive.isVisible())) await page.getByRole('tab', { name: /^Styring/ }).click();
    await goLive.click();
    const dialog = page.getByRole('dialog', { name: w.confirmTitle });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, name('go-live-confirm'));
    await dialog.getByRole('button', { name: w.cancel }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await goLive.isVisible()).toBe(true);
    await shoot(page, name('room'));
  });
});
