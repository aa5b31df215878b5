import { readFile, rm } from 'node:fs/promises';
import {
  createTestApiToken,
  createTestEvent,
  createTestOrganiser,
  createTestStaffLink,
  registerForTest,
  startTestSystem,
  type TestSystem,
} from '@folkemote/system/testing';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

/** Each change must show in the other views within this long after the request that made it has answered. */
const PROPAGATION_MS = 1000;

let dist: string;
let system: TestSystem;
let browser: Browser;
let slug: string;
let attendee: Page;
let moderator: Page;
let presenter: Page;
let joinToken: string;
let moderatorToken: string;
/** How long each change took to show in the other views, for the log at the end. */
const seen: { step: string; ms: number }[] = [];

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({}, { webDistDir: dist });
  const event = await createTestEvent(system.deps.db, { capacity: 50 });
  slug = event.slug;
  const registration = await registerForTest(system.url, slug, {
    name: 'Åse Øvrebø',
    email: 'ase.ovrebo@example.no',
  });
  joinToken = registration.joinToken;
  const moderatorLink = await createTestStaffLink(system, event, 'moderator', 'Mona Moderator');
  moderatorToken = moderatorLink.token;
  const presenterLink = await createTestStaffLink(system, event, 'presenter', 'Per Presentatør');

  // The audience's panel sits beside the stage, which attendees see while the webinar is live.
  const hostToken = await createTestApiToken(system);
  for (const step of ['open', 'live']) {
    const response = await fetch(`${system.url}/api/events/${slug}/room/${step}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hostToken}` },
    });
    if (!response.ok) throw new Error(`room/${step} answered ${response.status}: ${await response.text()}`);
  }

  browser = await launchBrowser();
  const page = async (viewport: { width: number; height: number }) =>
    (await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport })).newPage();
  attendee = await page({ width: 1280, height: 900 });
  moderator = await page({ width: 1280, height: 900 });
  // The presenter's screen is a phone propped up beside the camera.
  presenter = await page({ width: 390, height: 844 });

  await attendee.goto(`${system.url}/arrangement/${slug}/direkte#${joinToken}`);
  await attendee.getByRole('button', { name: 'Bli med i webinaret' }).click();
  await attendee.getByRole('heading', { level: 2, name: 'Spørsmål', exact: true }).waitFor();
  await moderator.goto(`${system.url}/arrangement/${slug}/moderator#${moderatorLink.token}`);
  await moderator.getByRole('heading', { level: 1, name: /^Moderering: / }).waitFor();
  await presenter.goto(`${system.url}/arrangement/${slug}/presentator#${presenterLink.token}`);
  await presenter.getByRole('heading', { level: 2, name: 'Spørsmålet nå' }).waitFor();
  // Timing starts once every view follows the stream.
  for (const view of [attendee, moderator, presenter])
    await view.getByText('Oppdateres fortløpende').waitFor();
});

afterAll(async () => {
  if (seen.length > 0)
    console.info(`Q&A changes seen in the other views after (ms): ${JSON.stringify(seen)}`);
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

/** Runs an action and waits for the API request it makes to answer, which must succeed. */
async function act(page: Page, pattern: RegExp, action: () => Promise<void>): Promise<void> {
  const answered = page.waitForResponse(
    (r: Response) => pattern.test(new URL(r.url()).pathname) && r.request().method() !== 'GET',
  );
  await action();
  const response = await answered;
  expect(
    response.ok(),
    `${response.request().method()} ${response.url()} answered ${response.status()}`,
  ).toBe(true);
}

/** Waits (at most PROPAGATION_MS each) for every locator to appear, and records how long the slowest took. */
async function expectEverywhere(step: string, locators: Locator[]): Promise<void> {
  const start = Date.now();
  await Promise.all(
    locators.map((locator) => locator.waitFor({ state: 'visible', timeout: PROPAGATION_MS })),
  );
  seen.push({ step, ms: Date.now() - start });
}

const attendeeItem = (text: string) => attendee.locator('.qa-item', { hasText: text });
const moderatorItem = (section: string, text: string) =>
  moderator.locator(`.qa-section--${section} .qa-mod-item`, { hasText: text });
const moderatorButton = (section: string, text: string, name: string) =>
  moderatorItem(section, text).getByRole('button', { name, exact: true });

describe('the Q&A across the audience, moderator and presenter views', () => {
  const text = 'Hvordan blir folkehelsearbeidet i Sømna fulgt opp etter 2027?';

  it('moves the link tokens out of the address bar', () => {
    for (const view of [attendee, moderator, presenter]) expect(new URL(view.url()).hash).toBe('');
  });

  it('asks with pre-moderation: the asker sees the question as awaiting approval, the moderator as pending', async () => {
    await act(moderator, /\/qa$/, () =>
      moderator.getByLabel('Godkjenn spørsmål før publikum ser dem').check(),
    );
    await moderator.getByText('Innstillingene er lagret.').waitFor();

    const field = attendee.getByLabel('Ditt spørsmål');
    await field.fill(text);
    await attendee.getByText(`${text.length} av 500 tegn`).waitFor();
    await attendee.getByLabel('Anonym for publikum').check();
    await act(attendee, /\/questions$/, () =>
      attendee.getByRole('button', { name: 'Send spørsmålet' }).click(),
    );
    await attendee
      .getByText('Spørsmålet er sendt. Andre ser det når en moderator har godkjent det.')
      .waitFor();
    await attendeeItem(text).getByText('Venter på godkjenning').waitFor();
    await expectEverywhere('asked', [moderatorItem('pending', text)]);
    // Staff see who asked, with the mark that the audience does not.
    await moderatorItem('pending', text).getByText('Fra Åse Øvrebø').waitFor();
    await moderatorItem('pending', text).getByText('Anonym for publikum').waitFor();
    expect(await presenter.getByText(text).count()).toBe(0);
  });

  it('approves: the question reaches the audience queue and the presenter', async () => {
    await act(moderator, /\/api\/questions\//, () => moderatorButton('pending', text, 'Godkjenn').click());
    await expectEverywhere('approved', [
      attendee.locator('.qa-item:not(.qa-item--pending)', { hasText: text }),
      presenter.locator('.qa-presenter__next li', { hasText: text }),
      moderatorItem('live', text),
    ]);
    expect(await attendeeItem(text).getByText('Venter på godkjenning').count()).toBe(0);
  });

  it('votes once, takes the vote back, and every view follows the count', async () => {
    const vote = attendeeItem(text).getByRole('button', { name: /^Stem/ });
    expect(await vote.getAttribute('aria-pressed')).toBe('false');
    await act(attendee, /\/vote$/, () => vote.click());
    expect(await vote.getAttribute('aria-pressed')).toBe('true');
    await expectEverywhere('voted', [
      moderatorItem('live', text).getByText('1 stemme', { exact: true }),
      presenter.locator('.qa-presenter__next li', { hasText: text }).getByText('1 stemme'),
    ]);

    await act(attendee, /\/vote$/, () => vote.click());
    expect(await vote.getAttribute('aria-pressed')).toBe('false');
    await expectEverywhere('unvoted', [moderatorItem('live', text).getByText('0 stemmer', { exact: true })]);

    await act(attendee, /\/vote$/, () => vote.click());
    await expectEverywhere('voted again', [
      moderatorItem('live', text).getByText('1 stemme', { exact: true }),
    ]);
  });

  it('highlights: the presenter shows it large and the audience as being answered', async () => {
    await act(moderator, /\/api\/questions\//, () => moderatorButton('live', text, 'Fremhev').click());
    await expectEverywhere('highlighted', [
      presenter.locator('.qa-presenter__question', { hasText: text }),
      attendee.locator('.qa-list--highlighted .qa-item', { hasText: text }),
    ]);
    // Screen readers hear, politely, that it is being answered; they heard nothing of the votes.
    await expect
      .poll(() => attendee.getByTestId('qa-announcer').textContent(), { timeout: PROPAGATION_MS })
      .toContain(`Besvares nå: ${text}`);
    expect(await moderator.getByTestId('qa-announcer').textContent()).not.toMatch(/stemme/);
    expect(await attendee.getByTestId('qa-announcer').getAttribute('aria-live')).toBe('polite');
    // Anonymous to the audience: the presenter's screen does not name the asker either.
    expect(await presenter.getByText('Åse Øvrebø').count()).toBe(0);
    expect(await attendee.locator('.qa-panel').getByText('Åse Øvrebø').count()).toBe(0);
  });

  it('answers in writing and marks it answered', async () => {
    await moderatorButton('highlighted', text, 'Svar skriftlig').click();
    await moderator.getByLabel('Skriftlig svar').fill('Kommunen legger fram en plan i juni.');
    await act(moderator, /\/api\/questions\//, () =>
      moderatorItem('highlighted', text).getByRole('button', { name: 'Lagre' }).click(),
    );
    await expectEverywhere('written answer', [
      attendeeItem(text).getByText('Kommunen legger fram en plan i juni.'),
    ]);

    await act(moderator, /\/api\/questions\//, () =>
      moderatorButton('highlighted', text, 'Merk som besvart').click(),
    );
    await expectEverywhere('answered', [
      attendee.locator('.qa-list--answered .qa-item', { hasText: text }),
      presenter.getByText('Ingen spørsmål er fremhevet akkurat nå.'),
      moderatorItem('answered', text),
    ]);
  });

  it('has no axe violations in any of the three views', async () => {
    await expectNoAxeViolations(attendee);
    await expectNoAxeViolations(moderator);
    await expectNoAxeViolations(presenter);
  });

  it('keeps markup in a question as inert text in all three views', async () => {
    const hostile = '<script>window.__qaInjected = 1</script><img src=x onerror="window.__qaInjected = 2">';
    await attendee.getByLabel('Ditt spørsmål').fill(hostile);
    await act(attendee, /\/questions$/, () =>
      attendee.getByRole('button', { name: 'Send spørsmålet' }).click(),
    );
    await expectEverywhere('hostile asked', [moderatorItem('pending', hostile)]);
    await act(moderator, /\/api\/questions\//, () => moderatorButton('pending', hostile, 'Fremhev').click());
    await expectEverywhere('hostile highlighted', [
      presenter.locator('.qa-presenter__question', { hasText: hostile }),
      attendee.locator('.qa-list--highlighted .qa-item', { hasText: hostile }),
    ]);
    for (const view of [attendee, moderator, presenter]) {
      expect(await view.getByText(hostile, { exact: true }).first().isVisible()).toBe(true);
      expect(await view.evaluate(() => (window as { __qaInjected?: number }).__qaInjected)).toBeUndefined();
      expect(await view.locator('.qa-item img, .qa-mod-item img, .qa-presenter img').count()).toBe(0);
    }
  });

  it('moves focus with j/k and acts on the focused question with the documented keys', async () => {
    await moderator.getByRole('heading', { name: 'Hurtigtaster' }).waitFor();
    await moderator.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await moderator.keyboard.press('j');
    const focusedText = () =>
      moderator.evaluate(() => document.activeElement?.closest('[data-question-id]')?.textContent ?? '');
    expect(await focusedText()).toContain('<script>');
    // "h" on the highlighted question puts it back in the queue; focus follows it there.
    await act(moderator, /\/api\/questions\//, () => moderator.keyboard.press('h'));
    await moderatorItem('live', '<script>').waitFor({ timeout: PROPAGATION_MS });
    await expect.poll(focusedText, { timeout: PROPAGATION_MS }).toContain('<script>');
    // Typing in a field never triggers a shortcut.
    await moderatorButton('live', '<script>', 'Rett skrivefeil').click();
    const editor = moderator.getByLabel('Rettet tekst');
    await editor.press('Control+End');
    await editor.pressSequentially(' dhj');
    expect(await editor.inputValue()).toMatch(/ dhj$/);
    expect(await moderatorItem('live', '<script>').count()).toBe(1);
    await moderator.getByRole('button', { name: 'Avbryt' }).click();
  });

  it('says when the audience asks too often', async () => {
    // The limit is five questions a minute; two are asked above.
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${system.url}/api/events/${slug}/questions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${joinToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: `Spørsmål nummer ${i + 3}`, anonymous: false }),
      });
      expect(response.status).toBe(201);
    }
    await attendee.getByLabel('Ditt spørsmål').fill('Ett spørsmål for mye');
    await attendee.getByRole('button', { name: 'Send spørsmålet' }).click();
    await attendee
      .getByRole('alert')
      .filter({ hasText: /Du har sendt mange spørsmål på kort tid\. Prøv igjen om \d+ sekunder\./ })
      .waitFor();
    await expectNoAxeViolations(attendee);
  });
  it('approves and dismisses in bulk, fixes typos keeping the original, pins, merges and restores', async () => {
    const [three, four, five] = ['Spørsmål nummer 3', 'Spørsmål nummer 4', 'Spørsmål nummer 5'];
    await moderatorItem('pending', five).waitFor();
    await moderator.getByRole('button', { name: 'Velg alle som venter' }).click();
    await moderator.getByText('3 spørsmål valgt').waitFor();
    await act(moderator, /\/bulk$/, () => moderator.getByRole('button', { name: 'Godkjenn valgte' }).click());
    await moderator.getByText('3 spørsmål er oppdatert.').waitFor({ state: 'attached' });
    await expectEverywhere('bulk approved', [
      attendee.locator('.qa-item:not(.qa-item--pending)', { hasText: three }),
      // The presenter sees the first three in the shared order: the older question, then 3 and 4.
      presenter.locator('.qa-presenter__next li', { hasText: three }),
    ]);

    await moderatorButton('live', three, 'Rett skrivefeil').click();
    await moderator.getByLabel('Rettet tekst').fill('Spørsmål nummer tre');
    await act(moderator, /\/api\/questions\//, () =>
      moderatorItem('live', three).getByRole('button', { name: 'Lagre' }).click(),
    );
    const corrected = moderatorItem('live', 'Spørsmål nummer tre');
    await corrected.getByText('Opprinnelig tekst (tatt vare på):').waitFor();
    await corrected.getByText('Rettet av moderator').waitFor();
    await expectEverywhere('corrected', [attendee.getByText('Spørsmål nummer tre', { exact: true })]);

    await act(moderator, /\/api\/questions\//, () => moderatorButton('live', five, 'Fest øverst').click());
    await expectEverywhere('pinned', [attendeeItem(five).getByText('Festet øverst')]);
    // Pinned questions lead the shared order, in every view.
    expect(
      await attendee.locator('.qa-panel .qa-list').nth(0).locator('.qa-item').first().textContent(),
    ).toContain(five);
    expect(await presenter.locator('.qa-presenter__next li').first().textContent()).toContain(five);

    await moderatorButton('live', four, 'Slå sammen').click();
    await moderator.getByLabel('Slå sammen med').selectOption({ label: 'Spørsmål nummer tre (0 stemmer)' });
    await expectNoAxeViolations(moderator);
    await act(moderator, /\/merge$/, () =>
      moderatorItem('live', four).getByRole('button', { name: 'Slå sammen', exact: true }).last().click(),
    );
    await expectEverywhere('merged', [
      attendeeItem(four).getByText('Spørsmålet ditt er slått sammen med et likt spørsmål.'),
    ]);
    expect(await moderatorItem('live', four).count()).toBe(0);

    await moderatorItem('live', five).getByLabel('Velg').check();
    await act(moderator, /\/bulk$/, () => moderator.getByRole('button', { name: 'Avvis valgte' }).click());
    await expectEverywhere('dismissed', [
      moderatorItem('dismissed', five),
      attendeeItem(five).getByText('Spørsmålet ditt blir ikke tatt opp.'),
    ]);
    expect(await presenter.locator('.qa-presenter__next li', { hasText: five }).count()).toBe(0);

    await act(moderator, /\/api\/questions\//, () =>
      moderatorButton('dismissed', five, 'Gjenopprett').click(),
    );
    await expectEverywhere('restored', [
      moderatorItem('live', five),
      presenter.locator('.qa-presenter__next li', { hasText: five }),
    ]);
  });

  it('shows the audit log, the figures and a CSV export', async () => {
    await moderator.getByRole('button', { name: 'Vis loggen' }).click();
    const log = moderator.getByRole('table', { name: 'Endringer i spørsmålene, nyeste først' });
    await log.waitFor();
    expect(await log.getByRole('row', { name: /Tekst rettet/ }).count()).toBeGreaterThan(0);
    expect(
      await log
        .getByRole('row', { name: /Slått sammen/ })
        .first()
        .textContent(),
    ).toContain('Mona Moderator');

    await moderator.getByRole('button', { name: 'Oppdater tallene' }).click();
    const asked = moderator.locator('.qa-stats div', { hasText: 'Spørsmål i alt' }).locator('dd');
    await expect.poll(() => asked.textContent(), { timeout: 5000 }).toBe('5');

    const [download] = await Promise.all([
      moderator.waitForEvent('download'),
      moderator.getByRole('button', { name: 'Last ned spørsmålene (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('Spørsmål nummer tre');
    expect(csv).toContain('Kommunen legger fram en plan i juni.');
    await expectNoAxeViolations(moderator);
  });

  it('keeps the presenter view empty in "questions at the end" mode until the Q&A starts', async () => {
    await act(moderator, /\/qa$/, () => moderator.getByLabel('Spørsmål til slutt').check());
    await expectEverywhere('questions at the end', [
      presenter.getByText('Spørsmålene vises her når spørsmålsrunden starter.'),
    ]);
    expect(await presenter.locator('.qa-presenter__next li').count()).toBe(0);
    // The audience still sees and asks as before.
    await attendee.getByText('Spørsmål nummer tre', { exact: true }).waitFor();
    await expectNoAxeViolations(presenter);

    await act(moderator, /\/qa$/, () =>
      moderator.getByRole('button', { name: 'Start spørsmålsrunden' }).click(),
    );
    await expectEverywhere('Q&A started', [
      presenter.locator('.qa-presenter__next li', { hasText: 'Spørsmål nummer 5' }),
    ]);
    await moderator.getByText(/^Spørsmålsrunden startet \d\d:\d\d\.$/).waitFor();
  });

  it("turns an attendee's link away from the moderator view", async () => {
    const page = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
    await page.goto(`${system.url}/arrangement/${slug}/moderator#${joinToken}`);
    await page.getByText('Denne siden er for moderatorer.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Godkjenn valgte' }).count()).toBe(0);
    await page.context().close();
  });

  it("works for a signed-in organiser without a link, in the organiser's session", async () => {
    const organiser = await createTestOrganiser(system);
    const page = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
    await page.goto(`${system.url}/arrangement/${slug}/moderator`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn som arrangør' }).waitFor();
    await page.getByLabel('E-postadresse').fill(organiser.email);
    await page.getByLabel('Passord').fill(organiser.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: /^Moderering: / }).waitFor();
    await page.getByText('Oppdateres fortløpende').waitFor();
    const item = page.locator('.qa-section--live .qa-mod-item', { hasText: 'Spørsmål nummer tre' });
    await act(page, /\/api\/questions\//, () =>
      item.getByRole('button', { name: 'Fremhev', exact: true }).click(),
    );
    await expectEverywhere('highlighted by the organiser', [
      presenter.locator('.qa-presenter__question', { hasText: 'Spørsmål nummer tre' }),
      moderatorItem('highlighted', 'Spørsmål nummer tre'),
    ]);
    await page.context().close();
  });
  it('resumes after a dropped connection from the last change, losing none and repeating none', async () => {
    const staff = { authorization: `Bearer ${moderatorToken}`, 'content-type': 'application/json' };
    const list = (await (
      await fetch(`${system.url}/api/events/${slug}/questions`, { headers: staff })
    ).json()) as {
      questions: { id: string; text: string }[];
    };
    const idOf = (text: string) => list.questions.find((q) => q.text === text)!.id;
    const resumed: string[] = [];
    // The moderator's view is replayed the changes it missed (a presenter's always starts from the whole list).
    moderator.on('request', (request) => {
      const headers = request.headers();
      if (headers.accept === 'text/event-stream' && headers['last-event-id'])
        resumed.push(headers['last-event-id']);
    });

    // Every open connection goes, streams included; changes made before the views reconnect must still reach them.
    system.app.server.closeAllConnections();
    for (const [id, patch] of [
      [idOf('Spørsmål nummer 5'), { status: 'highlighted' }],
      [idOf('Spørsmål nummer tre'), { text: 'Spørsmål nummer tre, rettet mens forbindelsen var brutt' }],
    ] as const) {
      const send = () =>
        fetch(`${system.url}/api/questions/${id}`, {
          method: 'PATCH',
          headers: staff,
          body: JSON.stringify(patch),
        });
      // This process's kept-alive connection went too; a refused first attempt changed nothing.
      const response = await send().catch(send);
      expect(response.status).toBe(200);
    }

    await presenter.locator('.qa-presenter__question', { hasText: 'Spørsmål nummer 5' }).waitFor();
    await moderatorItem('answered', 'rettet mens forbindelsen var brutt').waitFor();
    await attendee.getByText('Spørsmål nummer tre, rettet mens forbindelsen var brutt').waitFor();
    expect(resumed.length).toBeGreaterThan(0);
    expect(Number(resumed[0])).toBeGreaterThan(0);
    for (const view of [attendee, moderator, presenter])
      await view.getByText('Oppdateres fortløpende').waitFor();
    // Applied once each: one card per question, and the old highlight ended exactly once.
    expect(await moderator.locator('.qa-mod-item', { hasText: 'Spørsmål nummer 5' }).count()).toBe(1);
    expect(await moderator.locator('.qa-section--highlighted .qa-mod-item').count()).toBe(1);
  });
});
