import { readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { RecordingView } from '@folkemote/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, contentTypes, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// The organiser's "make draft captions" on the recordings page, against a stand-in of the API that
// answers as the real one does (the job itself runs for real in apps/api/test/caption-draft.int.test.ts).
const id = '3e9c4f85-b0a1-4d4e-af60-5b7c8d9e0f1a';
const title = 'Budsjettmøte 2026';

function createApiStub() {
  let draft: Record<string, unknown> | null = null;
  let polls = 0;
  const steps = [
    { state: 'running', percent: 35 },
    { state: 'running', percent: 80 },
    { state: 'done', percent: 100, cueCount: 12 },
  ];
  const status = () => ({ engine: 'pocketsphinx', draft });
  const answer = (response: ServerResponse, code: number, body: unknown) => {
    response.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
  };
  const base = {
    language: 'en',
    engine: 'pocketsphinx',
    cueCount: null,
    failure: null,
    requestedAt: '2026-03-11T18:40:00.000Z',
    updatedAt: '2026-03-11T18:40:00.000Z',
  };
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (!pathname.startsWith('/api/')) return false;
    if (pathname === '/api/auth/session')
      answer(response, 200, {
        account: { id: 'a1', email: 'arrangor@example.no', displayName: 'Arrangør' },
        organisation: { id: 'o1', slug: 'somna-kommune', name: 'Sømna kommune' },
        csrfToken: 'stub-csrf-token',
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
    else if (pathname === '/api/recordings')
      answer(response, 200, {
        recordings: [
          {
            id,
            title,
            state: 'published',
            failureReason: null,
            failure: null,
            progress: { stage: 'done', percent: 100, etaSeconds: 0 },
            stalled: false,
            durationSeconds: 3725,
            replayUrl: `https://opptak.example.no/replays/${id}/index.html`,
            event: { slug: 'budsjett-2026', title: 'Budget meeting' },
            createdAt: '2026-03-11T18:35:00.000Z',
            updatedAt: '2026-03-11T18:40:00.000Z',
            publishedAt: '2026-03-11T18:40:00.000Z',
            captions: [],
            captionsDueBy: '2099-03-25T18:40:00.000Z',
            publication: 'public',
            previewUrl: null,
            autoPublish: null,
            tracks: [],
            audioDescription: null,
            accessibility: { captions: 'missing', audioDescription: 'missing' },
          } satisfies RecordingView,
        ],
        liveRecordingFailures: [],
      });
    else if (pathname === '/api/events') answer(response, 200, { events: [] });
    else if (pathname === '/api/site') answer(response, 200, { archiveUrl: 'https://opptak.example.no/' });
    else if (pathname === `/api/recordings/${id}/caption-draft` && request.method === 'POST') {
      draft = { ...base, state: 'queued', percent: 0 };
      answer(response, 202, status());
    } else if (pathname === `/api/recordings/${id}/caption-draft`) {
      // Each poll after the request moves the draft one step on.
      if (draft) draft = { ...base, ...steps[Math.min(polls++, steps.length - 1)] };
      answer(response, 200, status());
    } else answer(response, 404, { error: { code: 'not_found', message: `No route ${pathname}` } });
    return true;
  };
}

async function serveApp(dist: string, api: ReturnType<typeof createApiStub>) {
  const root = normalize(dist).replace(/[/\\]+$/, '');
  const server = createServer((request, response) => {
    if (api(request, response)) return;
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = join(root, normalize(pathname).replace(/^[/\\]+/, ''));
    stat(file)
      .then((info) => (file.startsWith(root + sep) && info.isFile() ? file : join(root, 'index.html')))
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

let dist: string;
let app: { url: string; server: Server };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dist = await buildWebApp();
  app = await serveApp(dist, createApiStub());
  browser = await launchBrowser();
  page = await (
    await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } })
  ).newPage();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => app?.server.close(resolve));
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe('draft captions from speech on the recordings page', () => {
  it('starts a draft by keyboard, shows its progress and says it is private until approved', async () => {
    await page.goto(`${app.url}/organiser/recordings`);
    const button = page.getByRole('button', { name: 'Lag utkast til teksting' });
    await button.waitFor();
    await expectNoAxeViolations(page);
    await button.focus();
    await page.keyboard.press('Enter');

    const bar = page.getByRole('progressbar', { name: `Utkast til teksting for «${title}»` });
    await bar.waitFor();
    await page.locator('[role="progressbar"][aria-valuenow]').first().waitFor();
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^Talegjenkjenning: \d+ % av lyden$/);
    if (process.env.WEB_SCREENSHOT_DIR)
      await page.screenshot({
        path: join(process.env.WEB_SCREENSHOT_DIR, 'caption-draft-progress.png'),
        fullPage: true,
      });
    await expectNoAxeViolations(page);

    const done = page.getByRole('status').filter({ hasText: 'Utkastet er klart: 12 tekstlinjer.' });
    await done.waitFor();
    expect(await done.textContent()).toContain('ikke offentlig før en arrangør har godkjent det');
    await page.getByRole('button', { name: 'Lag nytt utkast til teksting' }).waitFor();
    await expectNoAxeViolations(page);
    const dir = process.env.WEB_SCREENSHOT_DIR;
    if (dir) await page.screenshot({ path: join(dir, 'caption-draft-done.png'), fullPage: true });
  });
});
