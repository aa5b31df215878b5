import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { transcodeRecording } from '@folkemote/media';
import { makeClip } from '@folkemote/media/testing';
import { type ReplayInput, renderEmbedPage, renderReplayPage, siteAssets } from '@folkemote/site';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../src/axe.ts';
import { launchBrowser } from '../src/browser.ts';
import { type StaticServer, serveDirectory } from '../src/static-server.ts';

const id = '7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9';
const versionId = 'v1-quick';
const versionPath = `replays/${id}/v/${versionId}`;

let root: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

async function put(key: string, body: string | Buffer): Promise<void> {
  const file = join(root, key);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, body);
}

function input(baseUrl: string, language: 'nb' | 'nn' | 'en'): ReplayInput {
  return {
    baseUrl,
    locale: 'nb',
    recording: {
      id,
      title: 'Folkemøte om kollektivtrafikken',
      durationSeconds: 60,
      publishedAt: '2025-04-02T10:00:00.000Z',
    },
    event: null,
    version: {
      id: versionId,
      master: 'master.m3u8',
      poster: 'poster.jpg',
      posterSize: { width: 320, height: 180 },
      download: null,
      sprite: null,
      hasVideo: true,
      width: 320,
      height: 180,
    },
    captions: [],
    ...(language === 'nb' ? {} : { locale: language }),
  };
}

const isVideoSegment = (url: string) => url.includes(`/${versionPath}/180p/seg_`);
const isAudioSegment = (url: string) => url.includes(`/${versionPath}/audio/seg_`);

async function currentTime(page: Page): Promise<number> {
  return page.locator('video').evaluate((element) => (element as HTMLVideoElement).currentTime);
}

async function playMuted(page: Page): Promise<void> {
  await page.locator('video').evaluate(async (element) => {
    const media = element as HTMLVideoElement;
    media.muted = true;
    if (media.paused) await media.play();
  });
}

async function seekAndWait(page: Page, seconds: number): Promise<void> {
  await page.locator('video').evaluate((element, to) => {
    (element as HTMLVideoElement).currentTime = to;
  }, seconds);
  await page.waitForFunction(
    (to) => (document.querySelector('video')?.currentTime ?? 0) > to + 0.5,
    seconds,
    {
      timeout: 60_000,
    },
  );
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'folkemote-listen-only-'));
  server = await serveDirectory(root);
  const source = join(root, 'source.mp4');
  await makeClip(source, { seconds: 60, size: '320x180' });
  // A version as the worker publishes it: separate video and audio renditions, and a master
  // playlist with the audio-only variant.
  await transcodeRecording(source, join(root, versionPath), { kind: 'quick' });
  await rm(source);
  await put(`replays/${id}/index.html`, renderReplayPage(input(server.url, 'nb')));
  await put(`replays/${id}/embed.html`, renderEmbedPage(input(server.url, 'nb')));
  await put(`replays/${id}/en.html`, renderReplayPage(input(server.url, 'en')));
  for (const asset of await siteAssets()) await put(`assets/${asset.name}`, asset.body);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('listening only', () => {
  it.each([
    ['the replay page', 'index.html', 'Bare lyd', 'click'],
    ['the embed', 'embed.html', 'Bare lyd', 'keyboard'],
    ['the English replay page', 'en.html', 'Listen only', 'keyboard'],
  ] as const)(
    'in %s stops fetching video segments and plays on from the same moment',
    async (_, file, label, how) => {
      const page = await context.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.url}/replays/${id}/${file}`);
      const toggle = page.getByRole('button', { name: label });
      await toggle.waitFor({ state: 'visible' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await expectNoAxeViolations(page);

      await page.waitForSelector('[data-player][data-engine]', { state: 'attached' });
      await playMuted(page);
      await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1, null, {
        timeout: 60_000,
      });
      expect(requests.some(isVideoSegment)).toBe(true);

      const before = await currentTime(page);
      if (how === 'click') await toggle.click();
      else {
        await toggle.focus();
        await page.keyboard.press('Space');
      }
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      // The sound plays on from where the picture was, not from the start.
      await page.waitForFunction(
        () => {
          const media = document.querySelector('video');
          return media !== null && media.readyState >= 2 && !media.paused;
        },
        null,
        { timeout: 60_000 },
      );
      expect(await currentTime(page)).toBeGreaterThanOrEqual(before - 0.5);
      await expect.poll(() => page.locator('[data-listen-only-status]').textContent()).not.toBe('');
      const switchedAt = requests.length;

      // Past what the player had buffered before the switch: only the sound is fetched.
      await seekAndWait(page, 45);
      const after = requests.slice(switchedAt);
      expect(after.filter(isVideoSegment)).toEqual([]);
      expect(after.filter(isAudioSegment).length).toBeGreaterThan(0);
      expect(await currentTime(page)).toBeGreaterThan(before);
      await expectNoAxeViolations(page);

      // Switched back, the picture is fetched again.
      const backAt = requests.length;
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await expect
        .poll(() => requests.slice(backAt).filter(isVideoSegment).length, { timeout: 60_000 })
        .toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
