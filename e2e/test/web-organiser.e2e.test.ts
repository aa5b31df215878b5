import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWebApp, contentTypes, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

const screenshotDir = process.env.WEB_SCREENSHOT_DIR;

// The shapes of GET /api/recordings and /api/events (RecordingView and PublicEvent in
// @folkemote/domain), restated because this package reaches the app only through HTTP.
interface RecordingView {
  id: string;
  title: string;
  state: 'uploaded' | 'processing' | 'quick_published' | 'published' | 'failed';
  failureReason: string | null;
  failure: { code: string } | null;
  progress: { stage: string; percent: number; etaSeconds: number | null } | null;
  durationSeconds: number | null;
  replayUrl: string | null;
  event: { slug: string; title: string } | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  captions: string[];
  captionsDueBy: string | null;
  publication: 'held' | 'public' | 'unpublished';
  previewUrl: string | null;
  autoPublish: boolean | null;
  tracks: Array<{ kind: 'captions' | 'descriptions'; language: string; status: 'draft' | 'approved' }>;
  audioDescription: 'said_aloud' | 'track' | null;
  accessibility: { captions: 'met' | 'draft' | 'missing'; audioDescription: 'met' | 'draft' | 'missing' };
}

interface PublicEvent {
  id: string;
  slug: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  language: 'nb' | 'nn' | 'en';
  organisation: { slug: string; name: string };
  contact: { name: string; email: string; phone: string | null };
}

const ids = {
  live: '0b6f1c52-8d7e-4a1b-9c3d-2e4f5a6b7c8d',
  ladder: '1c7a2d63-9e8f-4b2c-8d4e-3f5a6b7c8d9e',
  failed: '2d8b3e74-af90-4c3d-9e5f-4a6b7c8d9e0f',
  published: '3e9c4f85-b0a1-4d4e-af60-5b7c8d9e0f1a',
  waiting: '4fad5096-c1b2-4e5f-b071-6c8d9e0f1a2b',
};

function recording(
  fields: Partial<RecordingView> & Pick<RecordingView, 'id' | 'title' | 'state'>,
): RecordingView {
  return {
    failureReason: null,
    failure: null,
    progress: null,
    durationSeconds: 3725,
    replayUrl: null,
    event: { slug: 'budsjett-2026', title: 'Folkemøte om budsjettet for 2026' },
    createdAt: '2025-03-11T18:35:00.000Z',
    updatedAt: '2025-03-11T18:40:00.000Z',
    publishedAt: null,
    captions: [],
    captionsDueBy: null,
    publication: 'public',
    previewUrl: null,
    autoPublish: null,
    tracks: [],
    audioDescription: null,
    accessibility: { captions: 'missing', audioDescription: 'missing' },
    ...fields,
  };
}

/** The steps the live recording goes through, one per poll; after the last it is published. */
const liveSteps = [
  { stage: 'transcoding', percent: 12, etaSeconds: null },
  { stage: 'transcoding', percent: 38, etaSeconds: 95 },
  { stage: 'transcoding', percent: 71, etaSeconds: 40 },
  { stage: 'transcoding', percent: 94, etaSeconds: 6 },
] as const;

/**
 * The three GET endpoints and the retry endpoint of the API, as the web app sees them.
 * Each GET /api/recordings moves the live recording one step on, so the page's bar moves.
 */
function createApiStub() {
  let polls = 0;
  let retried = false;
  const now = Date.now();
  const day = 86_400_000;
  const events: PublicEvent[] = [
    {
      id: 'e-upcoming',
      slug: 'skolestruktur',
      title: 'Informasjonsmøte om ny skolestruktur',
      description: 'Kommunedirektøren legger fram forslaget, og du kan stille spørsmål underveis.',
      startsAt: new Date(now + 3 * day).toISOString(),
      endsAt: new Date(now + 3 * day + 90 * 60_000).toISOString(),
      language: 'nb',
      organisation: { slug: 'eksempel-kommune', name: 'Eksempel kommune' },
      contact: { name: 'Kari Nordmann', email: 'kari.nordmann@example.no', phone: '+47 12 34 56 78' },
    },
    {
      id: 'e-past',
      slug: 'budsjett-2026',
      title: 'Folkemøte om budsjettet for 2026',
      description: '',
      startsAt: new Date(now - 10 * day).toISOString(),
      endsAt: new Date(now - 10 * day + 60 * 60_000).toISOString(),
      language: 'nn',
      organisation: { slug: 'vestland', name: 'Vestland fylkeskommune' },
      contact: { name: 'Ola Nordmann', email: 'ola.nordmann@example.no', phone: null },
    },
  ];

  function recordings(): RecordingView[] {
    const step = liveSteps[polls];
    polls += 1;
    const live = step
      ? recording({ id: ids.live, title: 'Budsjettmøte 2026', state: 'processing', progress: { ...step } })
      : recording({
          id: ids.live,
          title: 'Budsjettmøte 2026',
          state: 'published',
          replayUrl: 'https://opptak.example.no/r/budsjettmote-2026/',
          publishedAt: new Date().toISOString(),
        });
    return [
      live,
      recording({
        id: ids.ladder,
        title: 'Informasjonsmøte om ny skolestruktur',
        state: 'quick_published',
        progress: { stage: 'transcoding', percent: 63, etaSeconds: 420 },
        replayUrl: 'https://opptak.example.no/r/skolestruktur/',
        durationSeconds: 5400,
      }),
      retried
        ? recording({ id: ids.failed, title: 'Kommuneplan – innspillsmøte', state: 'uploaded', event: null })
        : recording({
            id: ids.failed,
            title: 'Kommuneplan – innspillsmøte',
            state: 'failed',
            // The worker's English sentence, and the code the page says in the organiser's language.
            failureReason: 'The file contains neither video nor audio',
            failure: { code: 'no_streams' },
            durationSeconds: null,
            event: null,
          }),
      recording({
        id: ids.published,
        title: 'Dialogmøte med ungdomsrådet',
        state: 'published',
        replayUrl: 'https://opptak.example.no/r/ungdomsradet/',
        durationSeconds: 2712,
      }),
      recording({
        id: ids.waiting,
        title: 'Åpent møte om vannforsyning',
        state: 'uploaded',
        durationSeconds: null,
        event: null,
      }),
    ];
  }

  function answer(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
  }

  function handle(request: IncomingMessage, response: ServerResponse): boolean {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (!pathname.startsWith('/api/')) return false;
    if (request.method === 'GET' && pathname === '/api/recordings')
      answer(response, 200, { recordings: recordings() });
    else if (request.method === 'GET' && pathname === '/api/events') answer(response, 200, { events });
    // The recordings page is for signed-in organisers: the stub is always signed in.
    else if (request.method === 'GET' && pathname === '/api/auth/session')
      answer(response, 200, {
        account: { id: 'a1', email: 'arrangor@example.no', displayName: 'Arrangør' },
        organisation: { id: 'o1', slug: 'somna-kommune', name: 'Sømna kommune' },
        csrfToken: 'stub-csrf-token',
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
    else if (request.method === 'GET' && pathname === '/api/site') {
      answer(response, 200, { archiveUrl: 'https://opptak.example.no/' });
    } else if (
      request.method === 'PUT' &&
      pathname.startsWith(`/api/recordings/${ids.published}/captions/`)
    ) {
      // What the API answers for a caption file with a broken timing on line 12.
      const message = 'Line 12: expected a timing line like "00:00:01.000 --> 00:00:04.000"';
      answer(response, 400, {
        error: {
          code: 'invalid_captions',
          message,
          fields: { body: [message] },
          params: { code: 'bad_timing_line', line: 12 },
        },
      });
    } else if (request.method === 'POST' && pathname === `/api/recordings/${ids.failed}/retry` && !retried) {
      retried = true;
      answer(response, 202, { id: ids.failed, state: 'uploaded' });
    } else {
      answer(response, 404, {
        error: { code: 'not_found', message: `No route ${request.method} ${pathname}` },
      });
    }
    return true;
  }

  return { handle, polls: () => polls };
}

/** The built app with an SPA fallback, and the API stub under /api, on one origin like the real API. */
async function serveApp(
  dist: string,
  api: ReturnType<typeof createApiStub>,
): Promise<{ url: string; server: Server }> {
  const root = normalize(dist).replace(/[/\\]+$/, '');
  const server = createServer((request, response) => {
    if (api.handle(request, response)) return;
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = join(root, normalize(pathname).replace(/^[/\\]+/, ''));
    const safe = file.startsWith(root + sep);
    stat(file)
      .then((info) => (safe && info.isFile() ? file : join(root, 'index.html')))
      .catch(() => join(root, 'index.html'))
      .then(async (path) => {
        const body = await readFile(path);
        response.writeHead(200, {
          'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
        });
        response.end(body);
      })
      .catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The current value of a recording's bar, without waiting for it: none once the bar is gone. */
function progressValues(page: Page, title: string): Promise<number[]> {
  return page
    .locator(`[role="progressbar"][aria-label="Framdrift for ${title}"]`)
    .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('aria-valuenow'))));
}

let dist: string;
let api: ReturnType<typeof createApiStub>;
let app: { url: string; server: Server };
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  dist = await buildWebApp();
  api = createApiStub();
  app = await serveApp(dist, api);
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'nb-NO',
    timezoneId: 'UTC',
  });
});

// A fresh tab per test, closed even when the test fails, so no tab keeps focus from the next one.
beforeEach(async () => {
  page = await context.newPage();
});

afterEach(async () => {
  await page.close();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => app?.server.close(resolve));
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe('organiser recordings page', () => {
  it('shows live progress, announces the state change and links the published replay', async () => {
    await page.goto(`${app.url}/organiser/recordings`);
    // The page first checks the organiser's session; the heading comes once that answers.
    await page.getByRole('heading', { level: 1, name: 'Opptak' }).waitFor();

    const bar = page.getByRole('progressbar', { name: 'Framdrift for Budsjettmøte 2026' });
    await bar.waitFor();
    const [first, text] = await bar.evaluate((el) => [
      Number(el.getAttribute('aria-valuenow')),
      el.getAttribute('aria-valuetext'),
    ]);
    expect(first).toBeGreaterThan(0);
    // The words say what the number means: stage, percent and time left.
    expect(text).toMatch(
      /^Transkoder – \d+\u00a0% – (beregner tid igjen|om lag \d+ min igjen|under 1 min igjen)$/,
    );
    // Watch the bar until it has shown three different values; it must never go back.
    const seen = [first];
    await expect
      .poll(
        async () => {
          seen.push(...(await progressValues(page, 'Budsjettmøte 2026')));
          return new Set(seen).size;
        },
        { timeout: 15_000, interval: 100 },
      )
      .toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await screenshot(page, 'recordings-nb');

    const replay = page.getByRole('link', { name: 'Se opptaket – Budsjettmøte 2026' });
    await replay.waitFor({ timeout: 20_000 });
    expect(await replay.getAttribute('href')).toBe('https://opptak.example.no/r/budsjettmote-2026/');
    expect(await bar.count()).toBe(0);
    await expect.poll(() => page.getByTestId('announcer').textContent()).toBe('Budsjettmøte 2026: Publisert');
    expect(api.polls()).toBeGreaterThan(liveSteps.length);

    // The other rows: a quick version with its ladder on the way, a failure with its reason, a waiting one.
    const ladder = page.getByRole('progressbar', {
      name: 'Framdrift for Informasjonsmøte om ny skolestruktur',
    });
    expect(await ladder.getAttribute('aria-valuenow')).toBe('63');
    expect(await ladder.getAttribute('aria-valuetext')).toBe('Transkoder – 63\u00a0% – om lag 7 min igjen');
    expect(await page.getByText('Filen inneholder verken lyd eller bilde.').isVisible()).toBe(true);
    // The worker's own sentence stays at hand for support, behind "Teknisk detalj".
    expect(await page.getByText('Teknisk detalj').first().isVisible()).toBe(true);
    expect(await page.getByText('The file contains neither video nor audio').first().isVisible()).toBe(false);
    // Nothing has started on a waiting recording: words, no bar.
    const waiting = page.locator(`[data-recording-id="${ids.waiting}"]`);
    expect(await waiting.getByText('Venter på behandling').isVisible()).toBe(true);
    expect(await waiting.getByRole('progressbar').count()).toBe(0);
  });

  it('retries a failed recording and keeps focus on its row', async () => {
    await page.goto(`${app.url}/organiser/recordings`);
    const retry = page.getByRole('button', { name: 'Prøv igjen – Kommuneplan – innspillsmøte' });
    await retry.focus();
    await page.keyboard.press('Enter');
    const row = page.locator(`[data-recording-id="${ids.failed}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('uploaded');
    expect(await retry.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 5_000 })
      .toBe('Kommuneplan – innspillsmøte');
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toBe('Kommuneplan – innspillsmøte: Venter');
  });

  it('says clearly when the API cannot be reached and recovers', async () => {
    await page.goto(`${app.url}/organiser/recordings`);
    await page.getByRole('table').waitFor();
    await page.route('**/api/recordings', (route) => route.abort('connectionrefused'));
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('Får ikke kontakt med Folkemøte.');
    expect(await alert.textContent()).toContain('kan være utdatert');
    expect(await page.getByRole('table').isVisible()).toBe(true);
    await screenshot(page, 'recordings-unreachable');
    await page.unroute('**/api/recordings');
    await page.getByRole('button', { name: 'Prøv nå' }).click();
    await alert.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('switches to nynorsk and English, keeping the choice in the address', async () => {
    await page.goto(`${app.url}/organiser/recordings`);
    await page.getByRole('table').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    expect(await page.getByRole('columnheader', { name: 'Varighet' }).count()).toBe(1);

    await page.getByRole('navigation', { name: 'Velg språk' }).getByRole('link', { name: 'Nynorsk' }).click();
    await page.getByRole('columnheader', { name: 'Lengd' }).waitFor();
    expect(new URL(page.url()).search).toBe('?lang=nn');
    expect(await page.locator('html').getAttribute('lang')).toBe('nn');
    expect(await page.locator('.skip-link').textContent()).toBe('Hopp til hovudinnhaldet');
    expect(await page.title()).toBe('Opptak – Folkemøte');
    expect(
      await page
        .getByRole('progressbar', { name: 'Framdrift for Informasjonsmøte om ny skolestruktur' })
        .getAttribute('aria-valuetext'),
    ).toBe('Transkodar – 63\u00a0% – om lag 7 min att');

    await page.getByRole('navigation', { name: 'Vel språk' }).getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recordings' }).waitFor();
    expect(new URL(page.url()).search).toBe('?lang=en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByText('Playable – full quality on its way').count()).toBe(1);
    await screenshot(page, 'recordings-en');

    // In-app links keep the language, and focus moves to the new page's heading.
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/?lang=en');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('heading', { name: 'Informasjonsmøte om ny skolestruktur' }).waitFor();

    // A reload keeps English: the choice lives in the address, not a cookie.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    expect(await context.cookies()).toEqual([]);
  });

  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    for (const [language, expected] of [
      ['nb', 'Tekstingen ble ikke lagt ut: Linje 12: tidspunktet er ikke gyldig.'],
      ['nn', 'Tekstinga vart ikkje lagd ut: Linje 12: tidspunktet er ikkje gyldig.'],
    ] as const) {
      it(`says what is wrong with a caption file, with its line, in ${language} (${size})`, async () => {
        await page.setViewportSize(viewport);
        await page.goto(`${app.url}/organiser/recordings${language === 'nb' ? '' : `?lang=${language}`}`);
        const summary = page.locator('summary:visible', {
          hasText: 'Legg til teksting for «Dialogmøte med ungdomsrådet»',
        });
        await summary.click();
        const details = page.locator('details[open]', { has: summary });
        await details.getByLabel('Tekstfil').setInputFiles({
          name: 'ungdomsradet.vtt',
          mimeType: 'text/vtt',
          buffer: Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHei\n'),
        });
        await details.getByRole('button', { name: 'Last opp teksting' }).click();
        const alert = details.getByRole('alert');
        await alert.waitFor();
        const text = (await alert.textContent()) ?? '';
        expect(text.startsWith(expected), text).toBe(true);
        // A refused file is not tried again, so nothing says it will be.
        expect(text).not.toMatch(/automatisk|400/);
        await expectNoAxeViolations(page);
        await mkdir('.data/screenshots/language', { recursive: true });
        await page.screenshot({ path: `.data/screenshots/language/caption-error-${size}-${language}.png` });
      });
    }
  }

  it('reaches the main content from the skip link by keyboard', async () => {
    await page.goto(`${app.url}/tilgjengelighet`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hopp til hovedinnholdet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});

describe('accessibility', () => {
  for (const [name, path, ready] of [
    ['home', '/', 'Kommende arrangementer'],
    ['recordings', '/organiser/recordings', 'Opptak'],
    ['recordings-nn', '/organiser/recordings?lang=nn', 'Opptak'],
    ['accessibility', '/tilgjengelighet', 'Tilgjengelighetserklæring'],
    ['accessibility-en', '/tilgjengelighet?lang=en', 'Accessibility statement'],
  ] as const) {
    it(`has no axe violations on ${name}`, async () => {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { name: ready, exact: true }).first().waitFor();
      if (name.startsWith('recordings')) await page.getByRole('table').waitFor();
      if (name === 'home') await page.getByRole('link', { name: 'Gå til opptaksarkivet' }).waitFor();
      await screenshot(page, name);
      await expectNoAxeViolations(page);
    });
  }

  it('shows cards without sideways scrolling on a narrow screen, with no axe violations', async () => {
    const narrow = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'UTC' });
    try {
      const small = await narrow.newPage();
      await small.goto(`${app.url}/organiser/recordings`);
      await small.getByRole('list', { name: 'Opptak og behandling' }).waitFor();
      expect(await small.getByRole('table').count()).toBe(0);
      expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
        true,
      );
      expect(
        await small.getByRole('heading', { level: 2, name: 'Kommuneplan – innspillsmøte' }).count(),
      ).toBe(1);
      await screenshot(small, 'recordings-narrow');
      await expectNoAxeViolations(small);
      await small.goto(`${app.url}/`);
      await small.getByRole('heading', { name: 'Informasjonsmøte om ny skolestruktur' }).waitFor();
      expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
        true,
      );
      await screenshot(small, 'home-narrow');
    } finally {
      await narrow.close();
    }
  });
});
