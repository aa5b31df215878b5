import { rm } from 'node:fs/promises';
import type { RecordingView, RoomView } from '@folkemote/domain';
import {
  createTestEvent,
  createTestOrganiser,
  createTestStaffLink,
  registerForTest,
  signInForTest,
  startTestSystem,
  type TestSystem,
  until,
} from '@folkemote/system/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// The real API and worker with LiveKit's local stand-in (no audio or video), the web app built
// for this test, and Chromium with a fake camera and microphone.
let dist: string;
let system: TestSystem;
let browser: Browser;
let event: { id: string; slug: string };
let attendee: { id: string; joinToken: string };
let presenterToken: string;
let hostToken: string;
const contexts: BrowserContext[] = [];
/** The signed-in organiser's session cookie, `name=value`. */
let organiserCookie: string;

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({}, { webDistDir: dist });
  event = await createTestEvent(system.deps.db, { capacity: 50, recorded: true }, { startsInHours: 2 });
  const registered = await registerForTest(system.url, event.slug, {
    name: 'Kari Nordmann',
    email: 'kari.nordmann@example.no',
  });
  expect(registered.status).toBe('confirmed');
  attendee = registered;
  presenterToken = (await createTestStaffLink(system, event, 'presenter', 'Per Presentatør')).token;
  hostToken = (await createTestStaffLink(system, event, 'host', 'Hanne Vert')).token;
  browser = await launchBrowser({ fakeMedia: true });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function newPage(options: { clipboard?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1280, height: 900 },
    permissions: [
      'camera',
      'microphone',
      ...(options.clipboard ? ['clipboard-read', 'clipboard-write'] : []),
    ],
  });
  contexts.push(context);
  return context.newPage();
}

const roomUrl = (token?: string) =>
  `${system.url}/arrangement/${event.slug}/direkte${token ? `#${token}` : ''}`;

/** The room as the holder of `token` sees it, straight from the API. */
async function roomViewAs(token: string): Promise<RoomView> {
  const response = await fetch(`${system.url}/api/events/${event.slug}/room`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as RoomView;
}

async function signInPage(page: Page): Promise<void> {
  const at = organiserCookie.indexOf('=');
  await page
    .context()
    .addCookies([
      { name: organiserCookie.slice(0, at), value: organiserCookie.slice(at + 1), url: system.url },
    ]);
}

/** Buttons that would publish media: none of them may exist for someone in the audience. */
const publishButtons = (page: Page) => page.getByRole('button', { name: /^(Kamera|Mikrofon|Del skjermen)$/ });

describe('the organiser’s links for the people who run the webinar', () => {
  it('creates a moderator link shown once with a copy button, lists it and revokes it', async () => {
    const organiser = await createTestOrganiser(system);
    organiserCookie = (await signInForTest(system.url, organiser)).cookie;
    const page = await newPage({ clipboard: true });
    await signInPage(page);

    await page.goto(`${system.url}/organiser/events/${event.slug}`);
    await page.getByRole('heading', { level: 2, name: 'Lenker til direkterommet' }).waitFor();
    await page.getByText('Ingen lenker ennå.').or(page.getByRole('table')).first().waitFor();
    await expectNoAxeViolations(page);

    // An empty name is caught before anything is sent.
    await page.getByRole('button', { name: 'Lag lenke' }).click();
    await page.getByText('Skriv inn navnet til personen.').waitFor();
    expect(await page.getByLabel('Navn', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Navn', { exact: true }).fill('Mona Moderator');
    await page.getByLabel('Rolle').selectOption('moderator');
    await page.getByRole('button', { name: 'Lag lenke' }).click();
    await page.getByRole('heading', { name: 'Lenke for Mona Moderator (Moderator)' }).waitFor();
    const link = await page.getByLabel('Lenken', { exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`/arrangement/${event.slug}/direkte#fmp_[\\w-]{43}$`));
    await page.getByRole('button', { name: 'Kopier lenken' }).click();
    await page.getByText('Lenken er kopiert.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const row = page.getByRole('row', { name: /Mona Moderator/ });
    expect(await row.textContent()).toContain('Moderator');
    await expectNoAxeViolations(page);

    // The link works: it opens the room as a moderator.
    const moderator = await newPage();
    await moderator.goto(link.replace(/^https?:\/\/[^/]+/, system.url));
    await moderator.getByText('Du er med som Mona Moderator (moderator).').waitFor();
    await moderator.getByText('Bak scenen er ikke åpnet ennå.', { exact: false }).first().waitFor();

    // Revoked, it no longer lets anyone in.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Trekk tilbake lenken til Mona Moderator' }).click();
    await page.getByText('Lenken til Mona Moderator er trukket tilbake.').waitFor();
    expect(await page.getByRole('row', { name: /Mona Moderator/ }).count()).toBe(0);
    await moderator.reload();
    await moderator.getByText('Denne lenken er ikke gyldig.', { exact: false }).waitFor();
    await expectNoAxeViolations(moderator);

    // The organiser enters the room from the editor, as a host, without a link.
    await page.getByRole('link', { name: 'Åpne direkterommet' }).click();
    await page.getByText('Du er med som Test Arrangør (vert).').waitFor();
    await page.getByRole('button', { name: 'Åpne bak scenen' }).waitFor();
  });
});

describe('the live room', () => {
  let attendeePage: Page;
  let presenterPage: Page;
  let hostPage: Page;

  it('takes an attendee from the personal link to the waiting screen, the token out of the address bar', async () => {
    attendeePage = await newPage();
    await attendeePage.goto(`${system.url}/p/${attendee.joinToken}`);
    await attendeePage.getByRole('link', { name: 'Gå til webinaret' }).click();
    await attendeePage.getByRole('heading', { name: 'Webinaret har ikke startet ennå' }).waitFor();
    expect(attendeePage.url()).toBe(roomUrl());
    expect(
      await attendeePage.evaluate((slug) => sessionStorage.getItem(`folkemote:room:${slug}`), event.slug),
    ).toBe(attendee.joinToken);

    // A ticking clock for the eye; a sentence for screen readers that changes once a minute at most.
    const clock = attendeePage.getByTestId('countdown');
    const first = await clock.textContent();
    await attendeePage.waitForFunction((before) => {
      return document.querySelector('[data-testid="countdown"]')?.textContent !== before;
    }, first);
    const spoken = attendeePage.getByRole('status').filter({ hasText: /^Webinaret starter om/ });
    expect(await spoken.textContent()).toMatch(/^Webinaret starter om (1 time og \d+ minutter|2 timer)\.$/);
    expect(await spoken.getAttribute('aria-live')).toBe('polite');
    await attendeePage.getByText('Webinaret blir tatt opp.', { exact: false }).first().waitFor();
    await expectNoAxeViolations(attendeePage);

    // A reload keeps the way in, from this tab's storage.
    await attendeePage.reload();
    await attendeePage.getByRole('heading', { name: 'Webinaret har ikke startet ennå' }).waitFor();
    await expectNoAxeViolations(attendeePage);
  });

  it('gives the presenter a camera preview with device choice, and the backstage controls', async () => {
    presenterPage = await newPage();
    await presenterPage.goto(roomUrl(presenterToken));
    await presenterPage.getByText('Du er med som Per Presentatør (presentatør).').waitFor();
    expect(presenterPage.url()).toBe(roomUrl());
    await presenterPage.getByRole('button', { name: 'Åpne bak scenen' }).waitFor();
    await expectNoAxeViolations(presenterPage);

    await presenterPage.getByRole('button', { name: 'Prøv kamera og mikrofon' }).click();
    await presenterPage.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="device-preview"]');
      return video !== null && video.videoWidth > 0;
    });
    const cameras = presenterPage.getByLabel('Velg kamera');
    expect(await cameras.locator('option').count()).toBeGreaterThan(1);
    await presenterPage.getByLabel('Lydnivå fra mikrofonen').waitFor();
    await expectNoAxeViolations(presenterPage);

    await presenterPage.getByRole('button', { name: 'Åpne bak scenen' }).click();
    await presenterPage.getByText('Bak scenen – ikke direkte ennå').waitFor();
    // The stand-in carries no media: the page says so instead of connecting, and the rest works.
    await presenterPage.getByText('direktesending trenger en LiveKit-server', { exact: false }).waitFor();
    for (const name of ['Kamera', 'Mikrofon', 'Del skjermen']) {
      const button = presenterPage.getByRole('button', { name, exact: true });
      expect(await button.getAttribute('aria-disabled')).toBe('true');
    }
    await presenterPage.getByRole('button', { name: 'Gå direkte' }).waitFor();
    await presenterPage.getByRole('button', { name: 'Start opptak' }).waitFor();
    await expectNoAxeViolations(presenterPage);
    expect((await roomViewAs(presenterToken)).status).toBe('backstage');
  });

  it('lets the host take the webinar live, and the attendee in without any camera or microphone', async () => {
    hostPage = await newPage();
    await hostPage.goto(roomUrl(hostToken));
    await hostPage.getByRole('button', { name: 'Gå inn bak scenen' }).click();
    await hostPage.getByRole('heading', { name: 'Rakte hender (0)' }).waitFor();
    // The Q&A's screens are a link away, in a new tab that gets the host's link token along.
    const qa = hostPage.getByRole('navigation', { name: 'Spørsmål og svar' });
    const console_ = qa.getByRole('link', { name: 'Moderer spørsmålene (åpnes i ny fane)' });
    expect(await console_.getAttribute('href')).toBe(`/arrangement/${event.slug}/moderator#${hostToken}`);
    expect(
      await qa.getByRole('link', { name: /Spørsmålsskjerm for presentatøren/ }).getAttribute('target'),
    ).toBe('_blank');
    expect(await attendeePage.getByRole('navigation', { name: 'Spørsmål og svar' }).count()).toBe(0);
    await hostPage.getByRole('button', { name: 'Gå direkte' }).click();
    // Two hours before the scheduled start: the host is asked first, and nothing happens until they say yes.
    const early = hostPage.getByRole('dialog', { name: 'Gå direkte nå?' });
    await early.getByText('Webinaret er satt opp til').waitFor();
    await expectNoAxeViolations(hostPage);
    await early.getByRole('button', { name: 'Avbryt' }).click();
    expect(await hostPage.locator('.room-status').getByText('Direkte nå').count()).toBe(0);
    await hostPage.getByRole('button', { name: 'Gå direkte' }).click();
    await early.getByRole('button', { name: 'Ja, gå direkte nå' }).click();
    await hostPage.locator('.room-status').getByText('Direkte nå').waitFor();
    await expectNoAxeViolations(hostPage);

    // The waiting attendee's page opens the door by itself; it says the webinar is recorded.
    await attendeePage.getByRole('heading', { name: 'Webinaret er i gang' }).waitFor();
    await attendeePage.getByText('Webinaret blir tatt opp.', { exact: false }).first().waitFor();
    await attendeePage.getByRole('button', { name: 'Bli med i webinaret' }).click();
    await attendeePage.getByRole('button', { name: 'Rekk opp hånda' }).waitFor();
    expect(await publishButtons(attendeePage).count()).toBe(0);
    expect(await attendeePage.getByRole('button', { name: 'Prøv kamera og mikrofon' }).count()).toBe(0);
    expect(await attendeePage.getByRole('button', { name: 'Gå direkte' }).count()).toBe(0);
    // Beside the stage: the questions first, and who is on stage a tab away.
    await attendeePage.getByRole('tab', { name: 'Personer' }).click();
    const onStage = attendeePage.getByRole('region', { name: 'På scenen' });
    expect(await onStage.textContent()).toContain('Per Presentatør (presentatør)');
    await expectNoAxeViolations(attendeePage);
    await attendeePage.getByRole('tab', { name: 'Spørsmål' }).click();
  });

  it('brings a raised hand on stage: the attendee gets the publish controls without a reload', async () => {
    await attendeePage.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await attendeePage.getByRole('button', { name: 'Rekk opp hånda' }).click();
    await attendeePage.getByText('Hånda di er oppe. Verten ser den.').waitFor();
    await attendeePage.getByRole('button', { name: 'Ta ned hånda' }).waitFor();

    await hostPage.getByRole('heading', { name: 'Rakte hender (1)' }).waitFor();
    const hand = hostPage.getByRole('listitem').filter({ hasText: 'Kari Nordmann' });
    await hand.waitFor();
    await expectNoAxeViolations(hostPage);
    await hand.getByRole('button', { name: /^Hent opp på scenen/ }).click();
    await hostPage.getByRole('heading', { name: 'Rakte hender (0)' }).waitFor();

    await publishButtons(attendeePage).first().waitFor();
    expect(await publishButtons(attendeePage).count()).toBe(3);
    await attendeePage.getByRole('button', { name: 'Kamera og mikrofon', exact: true }).click();
    await attendeePage.getByRole('button', { name: 'Prøv kamera og mikrofon' }).waitFor();
    expect(await attendeePage.getByRole('button', { name: /hånda$/ }).count()).toBe(0);
    expect(
      await attendeePage.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    const view = await roomViewAs(attendee.joinToken);
    expect(view.me).toMatchObject({ role: 'attendee', onStage: true, handRaised: false });
    expect(view.stage.map((s) => s.displayName)).toContain('Kari Nordmann');
    await expectNoAxeViolations(attendeePage);

    // And back to the audience: the controls go again.
    const onStage = hostPage.getByRole('listitem').filter({ hasText: 'Kari Nordmann' });
    await onStage.getByRole('button', { name: /^Tilbake til publikum/ }).click();
    await publishButtons(attendeePage).first().waitFor({ state: 'detached' });
    await attendeePage.getByRole('button', { name: 'Rekk opp hånda' }).waitFor();
    expect((await roomViewAs(attendee.joinToken)).me.onStage).toBe(false);
  });

  it('records from the backstage controls, and the replay reaches the public archive', async () => {
    await presenterPage.getByRole('button', { name: 'Start opptak' }).click();
    await presenterPage.getByRole('button', { name: 'Stopp opptak' }).waitFor();
    // Everyone sees (and hears of) the recording: words and an icon, in a live region.
    for (const page of [presenterPage, attendeePage, hostPage]) {
      const indicator = page.getByRole('status').filter({ hasText: 'Opptak pågår' });
      await indicator.waitFor();
      expect(await indicator.locator('svg').count()).toBe(1);
    }
    await expectNoAxeViolations(attendeePage);

    // Long enough for the stand-in's recorder to render a clip of a few seconds.
    await presenterPage.waitForTimeout(3000);
    await presenterPage.getByRole('button', { name: 'Stopp opptak' }).click();
    await presenterPage.getByRole('button', { name: 'Start opptak' }).waitFor();
    await attendeePage.getByText('Opptaket er stoppet.').waitFor();
    expect(await attendeePage.getByText('Opptak pågår').count()).toBe(0);

    const recording = await until(
      async () => {
        const body = (await (await fetch(`${system.url}/api/recordings`)).json()) as {
          recordings: RecordingView[];
        };
        return body.recordings.find((r) => r.event?.slug === event.slug) ?? null;
      },
      (r) => r !== null && ['published', 'failed'].includes(r.state),
      'the room recording to be published',
      150_000,
      500,
    );
    expect(recording?.state).toBe('published');
    const archive = await until(
      async () => (await fetch(`${system.deps.s3Settings.publicBaseUrl}/index.html`)).text(),
      (html) => html.includes(`replays/${recording!.id}/`),
      'the archive to list the replay',
      150_000,
      500,
    );
    expect(archive).toContain('Folkehelse i Nordland');
  }, 240_000);

  it('says why a recording failed, in the room and on the organiser’s editor', async () => {
    system.liveKitStandIn!.failNextEgress('Start signal not received');
    await presenterPage.getByRole('button', { name: 'Start opptak' }).click();
    await presenterPage.getByRole('button', { name: 'Stopp opptak' }).click();
    await presenterPage.getByText('Opptaket feilet: Start signal not received').waitFor();
    expect((await roomViewAs(presenterToken)).recording).toMatchObject({
      active: false,
      error: 'Start signal not received',
    });
    await expectNoAxeViolations(presenterPage);

    const page = await newPage();
    await signInPage(page);
    await page.goto(`${system.url}/organiser/events/${event.slug}`);
    const failures = page.locator('.recording-failures');
    await failures.getByRole('heading', { name: 'Opptak som feilet' }).waitFor();
    expect(await failures.getByRole('listitem').first().textContent()).toMatch(
      /^Feilet \(Startet .+\): Start signal not received$/,
    );
    await expectNoAxeViolations(page);
  });

  it('ends the webinar after a confirmation, and thanks everyone', async () => {
    await hostPage.getByRole('button', { name: 'Avslutt webinaret' }).click();
    const dialog = hostPage.getByRole('dialog', { name: 'Avslutte webinaret?' });
    await dialog.waitFor();
    await expectNoAxeViolations(hostPage);
    // Escape leaves it running.
    await hostPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await roomViewAs(hostToken)).status).toBe('live');

    await hostPage.getByRole('button', { name: 'Avslutt webinaret' }).click();
    await dialog.getByRole('button', { name: 'Ja, avslutt webinaret' }).click();
    for (const page of [hostPage, attendeePage, presenterPage]) {
      await page.getByRole('heading', { name: 'Takk for at du var med' }).waitFor();
    }
    await attendeePage.getByText('opptaksarkivet', { exact: false }).first().waitFor();
    expect(await publishButtons(attendeePage).count()).toBe(0);
    await expectNoAxeViolations(attendeePage);
    expect((await roomViewAs(attendee.joinToken)).status).toBe('ended');
  });
});

describe('the live room with a LiveKit server configured', () => {
  // A second system that takes the first one's stand-in for a real LiveKit server: the server
  // API answers, but nothing there speaks LiveKit's client protocol, so media cannot connect.
  let livekitSystem: TestSystem;
  let livekitEvent: { id: string; slug: string };

  beforeAll(async () => {
    livekitSystem = await startTestSystem({ LIVEKIT_URL: system.liveKitStandIn!.url }, { webDistDir: dist });
    livekitEvent = await createTestEvent(livekitSystem.deps.db, { capacity: 10, recorded: false });
  });

  afterAll(async () => {
    await livekitSystem?.stop();
  });

  it('loads LiveKit’s client, says plainly when the media cannot connect, and offers to reconnect', async () => {
    const url = (token: string) => `${livekitSystem.url}/arrangement/${livekitEvent.slug}/direkte#${token}`;
    const presenter = await createTestStaffLink(livekitSystem, livekitEvent, 'presenter', 'Per Presentatør');
    const registered = await registerForTest(livekitSystem.url, livekitEvent.slug, {
      name: 'Ola Nordmann',
      email: 'ola.nordmann@example.no',
    });

    const presenterPage = await newPage();
    await presenterPage.goto(url(presenter.token));
    await presenterPage.getByRole('button', { name: 'Åpne bak scenen' }).click();
    await presenterPage.getByRole('button', { name: 'Gå direkte' }).click();
    await presenterPage.getByRole('button', { name: 'Ja, gå direkte nå' }).click();
    await presenterPage.locator('.room-status').getByText('Direkte nå').waitFor();
    expect(await presenterPage.getByText('trenger en LiveKit-server', { exact: false }).count()).toBe(0);
    await presenterPage.getByText('Fikk ikke kontakt med direktesendingen.').waitFor();
    await presenterPage.getByRole('button', { name: 'Koble til igjen' }).waitFor();
    // Not connected, the presenter's own controls still stand ready (nothing is asked of the camera yet).
    expect(await publishButtons(presenterPage).count()).toBe(3);
    expect(
      await presenterPage.getByRole('button', { name: 'Kamera', exact: true }).getAttribute('aria-pressed'),
    ).toBe('false');
    await expectNoAxeViolations(presenterPage);

    const attendeePage = await newPage();
    await attendeePage.goto(url(registered.joinToken));
    await attendeePage.getByRole('button', { name: 'Bli med i webinaret' }).click();
    await attendeePage.getByText('Fikk ikke kontakt med direktesendingen.').waitFor();
    await attendeePage.getByRole('button', { name: 'Rekk opp hånda' }).waitFor();
    expect(await publishButtons(attendeePage).count()).toBe(0);
    // Recording was not planned for this event, so nobody is told it is recorded.
    expect(await attendeePage.getByText('Webinaret blir tatt opp.', { exact: false }).count()).toBe(0);
    await expectNoAxeViolations(attendeePage);

    // Reconnecting asks for a fresh token and tries again.
    const rejoined = attendeePage.waitForResponse((r) =>
      r.url().endsWith(`/api/events/${livekitEvent.slug}/join`),
    );
    await attendeePage.getByRole('button', { name: 'Koble til igjen' }).click();
    expect((await rejoined).status()).toBe(200);
    await attendeePage.getByText('Fikk ikke kontakt med direktesendingen.').waitFor();
  });
});
