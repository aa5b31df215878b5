import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type ReplayInput,
  renderArchivePage,
  renderReplayPage,
  renderSearchIndex,
  renderSearchPage,
  siteAssets,
} from '@folkemote/site';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../src/axe.ts';
import { launchBrowser } from '../src/browser.ts';
import { type StaticServer, serveDirectory } from '../src/static-server.ts';
import { makeSourceClip, makeVersion } from './support/make-replay-media.ts';

const recordingId = '7d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a';
const versionId = 'v1-full';

// 24 lines of a quarter second over the 6 s clip: enough to make the list scroll on its own.
const words = ['budsjett', 'skole', 'veg', 'buss', 'ferje', 'tannhelse', 'kultur', 'idrett'];
const cues = Array.from({ length: 24 }, (_, i) => ({
  startSeconds: i * 0.25,
  endSeconds: (i + 1) * 0.25,
  text:
    i === 17
      ? 'Kommunene på Nærøysund svarer om ferjene.'
      : `Linje ${i + 1} handler om ${words[i % words.length]}.`,
}));
const searchedLine = 17; // starts at 4.25 s

let root: string;
let server: StaticServer;
let browser: Browser;

async function put(key: string, body: string | Buffer): Promise<void> {
  const file = join(root, key);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, body);
}

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('request', (request) => {
    // blob: is the player's own media source, made in the page.
    const url = request.url();
    if (!url.startsWith(server.url) && !url.startsWith(`blob:${server.url}/`))
      problems.push(`off-origin request: ${url}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

const currentLine = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('.transcript__line[aria-current="true"]')?.getAttribute('data-cue-start') ??
      null,
  );
const mediaTime = (page: Page) =>
  page.locator('video').evaluate((video) => (video as HTMLVideoElement).currentTime);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'folkemote-transcript-'));
  server = await serveDirectory(root);
  const source = join(root, 'source.mp4');
  await makeSourceClip(source);
  const files = await makeVersion(source, join(root, `replays/${recordingId}/v/${versionId}`));
  await rm(source);
  const input: ReplayInput = {
    baseUrl: server.url,
    locale: 'nb',
    recording: {
      id: recordingId,
      title: 'Folkemøte om ferjetilbudet',
      durationSeconds: 6,
      publishedAt: '2025-03-12T08:15:00.000Z',
    },
    event: null,
    version: {
      id: versionId,
      master: files.master,
      poster: files.poster,
      download: files.download,
      sprite: null,
      hasVideo: true,
      width: 640,
      height: 360,
    },
    captions: files.captions.map(({ file, ...track }) => ({
      ...track,
      path: `replays/${recordingId}/v/${versionId}/${file}`,
    })),
    transcript: { language: 'nb', cues },
  };
  await put(`replays/${recordingId}/index.html`, renderReplayPage(input));
  await put('index.html', renderArchivePage({ baseUrl: server.url, locale: 'nb', items: [input] }));
  await put('search.html', renderSearchPage({ baseUrl: server.url, locale: 'nb' }));
  // A second public replay whose organiser typed markup everywhere: search shows it as text.
  const hostile: ReplayInput = {
    ...input,
    recording: { ...input.recording, id: 'hostile-1', title: '<img src=x onerror="alert(1)">Ferjemøte' },
    chapters: null,
    transcript: {
      language: 'nb',
      cues: [{ startSeconds: 1, endSeconds: 2, text: '<script>alert(2)</script> ferjekaia <b>stenger</b>' }],
    },
  };
  await put('search-index.json', renderSearchIndex([input, hostile]));
  for (const asset of await siteAssets()) await put(`assets/${asset.name}`, asset.body);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the transcript on the replay page', () => {
  it('follows playback, keeps the line in view inside the list, seeks on click and Enter, and passes axe', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page);
    await page.goto(`${server.url}/replays/${recordingId}/index.html`);
    await page.waitForSelector('[data-player][data-engine]', { state: 'attached' });
    await page.waitForSelector('[data-transcript-ready]', { state: 'attached' });
    await expect(page.locator('.transcript__line').count()).resolves.toBe(24);
    await expectNoAxeViolations(page);

    // Playing from the start, the spoken line moves on.
    await page.locator('video').evaluate(async (element) => {
      const video = element as HTMLVideoElement;
      video.muted = true;
      await video.play();
    });
    await page.waitForFunction(() => {
      const line = document.querySelector('.transcript__line[aria-current="true"]');
      return Number(line?.getAttribute('data-cue-start')) >= 0.5;
    });
    await page.locator('video').evaluate((element) => (element as HTMLVideoElement).pause());
    // Paused, the marked line is the one whose time holds the player's.
    await page.waitForFunction(() => {
      const video = document.querySelector('video') as HTMLVideoElement;
      const line = document.querySelector('.transcript__line[aria-current="true"]');
      const start = Number(line?.getAttribute('data-cue-start'));
      const end = Number(line?.getAttribute('data-cue-end'));
      return video.paused && start <= video.currentTime + 0.05 && video.currentTime < end;
    });
    const time = await mediaTime(page);
    const marked = Number(await currentLine(page));
    expect(marked).toBeLessThanOrEqual(time + 0.05);
    expect(marked + 0.25).toBeGreaterThan(time);
    await expect(page.locator('.transcript__line[aria-current]').count()).resolves.toBe(1);

    // A line far down the list: the list scrolls to it, the page and the focus stay put.
    const focusBefore = await page.evaluate(() => {
      (document.querySelector('.back-link a') as HTMLElement).focus();
      return { scrollY: window.scrollY, focused: document.activeElement?.textContent };
    });
    await page.locator('video').evaluate((element) => {
      (element as HTMLVideoElement).currentTime = 5.6;
    });
    await page.waitForFunction(
      () =>
        document.querySelector('.transcript__line[aria-current="true"]')?.getAttribute('data-cue-start') ===
        '5.5',
    );
    const after = await page.evaluate(() => {
      const list = document.querySelector('.transcript__list') as HTMLElement;
      const line = document.querySelector('.transcript__line[aria-current="true"]') as HTMLElement;
      const box = list.getBoundingClientRect();
      const rect = line.getBoundingClientRect();
      return {
        scrollable: list.scrollHeight > list.clientHeight,
        listScrolled: list.scrollTop,
        inView: rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1,
        scrollY: window.scrollY,
        focused: document.activeElement?.textContent,
      };
    });
    expect(after).toMatchObject({
      scrollable: true,
      inView: true,
      scrollY: focusBefore.scrollY,
      focused: focusBefore.focused,
    });
    expect(after.listScrolled).toBeGreaterThan(0);

    // A click on a line plays from there; the line keeps the focus.
    await page.locator('.transcript__line').nth(8).click();
    await page.waitForFunction(() => {
      const video = document.querySelector('video') as HTMLVideoElement;
      return video.currentTime >= 2 && !video.paused;
    });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cue-start'))).toBe('2');
    await page.locator('video').evaluate((element) => (element as HTMLVideoElement).pause());

    // The keyboard: Tab reaches the lines, Enter on one seeks there.
    await page.locator('.transcript__line').nth(3).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const video = document.querySelector('video') as HTMLVideoElement;
      return (
        Math.abs(video.currentTime - 0.75) < 0.2 || (video.currentTime >= 0.75 && video.currentTime < 1.5)
      );
    });
    expect(page.url()).toBe(`${server.url}/replays/${recordingId}/index.html`);
    await expectNoAxeViolations(page);

    // Printed: the whole transcript, no player.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const list = document.querySelector('.transcript__list') as HTMLElement;
      const player = document.querySelector('[data-player]') as HTMLElement;
      return {
        playerShown: getComputedStyle(player).display !== 'none',
        overflow: getComputedStyle(list).overflowY,
        whole: list.scrollHeight <= list.clientHeight + 1,
      };
    });
    expect(printed).toEqual({ playerShown: false, overflow: 'visible', whole: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the search page', () => {
  it('finds a word from a transcript, announces the count, jumps there, and passes axe', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page);
    await page.goto(`${server.url}/search.html`);
    await page.waitForSelector('[data-search-ready]', { state: 'attached' });
    await expectNoAxeViolations(page);

    // The field is found by its label; the query folds ø and matches the start of the word.
    await page.getByRole('searchbox', { name: 'Søkeord' }).fill('naerøy ferje');
    await page.keyboard.press('Enter');
    const status = page.locator('[role="status"][data-search-status]');
    await expect.poll(() => status.textContent()).toBe('1 opptak passer til «naerøy ferje».');
    const hits = page.locator('.search-hit a');
    await expect(hits.count()).resolves.toBe(1);
    await expect(hits.first().textContent()).resolves.toBe(
      '0:04 Transkripsjon Kommunene på Nærøysund svarer om ferjene.',
    );
    await expect(page.locator('.search-hit mark').allTextContents()).resolves.toEqual([
      'Nærøysund',
      'ferjene',
    ]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('naerøy ferje');
    await expectNoAxeViolations(page);

    // Markup in a title or a line is shown as text, never run.
    await page.getByRole('searchbox', { name: 'Søkeord' }).fill('ferjekaia');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('1 opptak passer til «ferjekaia».');
    await expect(page.locator('.search-result__title').textContent()).resolves.toBe(
      '<img src=x onerror="alert(1)">Ferjemøte',
    );
    await expect(hits.first().textContent()).resolves.toBe(
      '0:01 Transkripsjon <script>alert(2)</script> ferjekaia <b>stenger</b>',
    );
    await expect(
      page.locator('.search-results img, .search-results script, .search-results b').count(),
    ).resolves.toBe(0);

    // Nothing found is said too.
    await page.getByRole('searchbox', { name: 'Søkeord' }).fill('sykehus');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Ingen opptak passer til «sykehus».');

    // Back to the hit, followed by keyboard: the replay opens at the line's moment.
    await page.goto(`${server.url}/search.html?q=${encodeURIComponent('Nærøysund')}`);
    await expect.poll(() => status.textContent()).toBe('1 opptak passer til «Nærøysund».');
    const href = await hits.first().getAttribute('href');
    expect(href).toBe(
      `${server.url}/replays/${recordingId}/index.html?t=${cues[searchedLine]!.startSeconds}`,
    );
    await hits.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/replays/${recordingId}/index.html?t=4.25`);
    await page.waitForFunction(() => {
      const video = document.querySelector('video') as HTMLVideoElement;
      return video.readyState >= 1 && Math.abs(video.currentTime - 4.25) < 0.3;
    });
    expect(Math.abs((await mediaTime(page)) - 4.25)).toBeLessThan(0.3);
    await page.waitForFunction(
      () =>
        document.querySelector('.transcript__line[aria-current="true"]')?.getAttribute('data-cue-start') ===
        '4.25',
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
