import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@folkemote/config';
import type { BroadcastStatus } from '@folkemote/domain';
import {
  buildBroadcastManifest,
  type LiveInput,
  renderLiveEmbedPage,
  renderLivePage,
  siteAssets,
} from '@folkemote/site';
import {
  createS3Client,
  type EmbeddedS3,
  publicKeys,
  putObject,
  s3SettingsFrom,
  startEmbeddedS3,
} from '@folkemote/storage';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../src/axe.ts';
import { launchBrowser } from '../src/browser.ts';
import { type LiveHlsStream, startLiveHlsStream } from './support/live-hls-stream.ts';

const id = '3e9b1c7a-4d2f-4a8e-b6c5-0f1e2d3c4b5a';
const bucket = 'folkemote-public';

let tmp: string;
let s3Server: EmbeddedS3;
let s3: ReturnType<typeof createS3Client>;
let baseUrl: string;
let stream: LiveHlsStream | null = null;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

const event = {
  id: 'b7c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e',
  slug: 'kollektivtrafikk-direkte',
  title: 'Folkemøte om kollektivtrafikken',
  description: 'Fylkesdirektøren legger fram **ruteplanen** for neste år.',
  language: 'nb' as const,
  organisation: { slug: 'innlandet', name: 'Innlandet fylkeskommune' },
  contact: { name: 'Kari Nordmann', email: 'kari.nordmann@example.no', phone: null },
  mode: 'online' as const,
  address: null,
};
// Starts in 90 s: the countdown runs in minutes and seconds.
const startsAt = new Date(Date.now() + 90_000);

function liveInput(status: BroadcastStatus, autoPublish = true): LiveInput {
  const times = {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
  };
  return {
    baseUrl,
    broadcastId: id,
    event: { ...event, ...times },
    eventPageUrl: `https://folkemote.example.no/arrangement/${event.slug}`,
    manifest: buildBroadcastManifest({
      event: { ...event, ...times },
      broadcast: {
        status,
        liveSince: status === 'scheduled' ? null : new Date().toISOString(),
        endedAt: status === 'ended' ? new Date().toISOString() : null,
      },
      autoPublish,
      now: new Date(),
    }),
  };
}

async function put(key: string, body: string | Buffer, contentType: string, cacheControl: string) {
  await putObject(s3, { bucket, key, body, contentType, cacheControl });
}

/** What `broadcast.refresh` writes on a change of state. */
async function writeState(status: BroadcastStatus, autoPublish = true): Promise<void> {
  const input = liveInput(status, autoPublish);
  const html = 'text/html; charset=utf-8';
  await put(publicKeys.replayPage(id), renderLivePage(input), html, 'public, max-age=60');
  await put(publicKeys.embedPage(id), renderLiveEmbedPage(input), html, 'public, max-age=60');
  await put(
    publicKeys.broadcastManifest(id),
    JSON.stringify(input.manifest),
    'application/json',
    'public, max-age=1',
  );
}

async function writeHighlight(question: { id: string; text: string } | null): Promise<void> {
  const body = JSON.stringify({ question, updatedAt: new Date().toISOString() });
  await put(publicKeys.broadcastHighlight(id), body, 'application/json', 'public, max-age=1');
}

const video = () => page.locator('[data-live-player] video');
const mediaTime = () => video().evaluate((element) => (element as HTMLVideoElement).currentTime);
const behindSeconds = async () => {
  const text = (await page.locator('[data-behind-live]').textContent()) ?? '';
  return Number(/(\d+) s bak direkte/.exec(text)?.[1] ?? Number.NaN);
};

async function waitForSegments(count: number): Promise<void> {
  const deadline = Date.now() + 40_000;
  while ((stream?.segmentsUploaded() ?? 0) < count) {
    if (Date.now() > deadline) throw new Error(`the stream has not made ${count} segments in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'folkemote-broadcast-page-'));
  s3Server = await startEmbeddedS3({
    port: 0,
    dataDir: join(tmp, 's3'),
    buckets: [bucket],
    publicBuckets: [bucket],
  });
  s3 = createS3Client(
    s3SettingsFrom(loadConfig({ S3_ENDPOINT: s3Server.endpoint, S3_PUBLIC_BUCKET: bucket })),
  );
  baseUrl = `${s3Server.endpoint}/${bucket}`;
  for (const asset of await siteAssets())
    await put(publicKeys.asset(asset.name), asset.body, asset.contentType, 'public, max-age=60');
  await writeState('scheduled');
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(error.message));
});

afterAll(async () => {
  stream?.kill();
  await context?.close();
  await browser?.close();
  await s3Server?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the live page of a broadcast, served from the public bucket', () => {
  it('counts down to the start, saying it aloud sparingly', async () => {
    await page.goto(`${baseUrl}/replays/${id}/index.html`);
    const countdown = page.locator('time[data-countdown]');
    await expect.poll(() => countdown.textContent()).toMatch(/1 minutt \d+ sekund/);
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent(), { timeout: 3000 }).not.toBe(first);
    // Updated each second on screen; the live region stays quiet between minutes.
    expect(await page.locator('[data-countdown-announce]').textContent()).toBe('');
    expect(await page.locator('[data-live-player]').isHidden()).toBe(true);
    await expect.poll(() => page.locator('.live-ask').isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/folkemote-live-page-before.png', fullPage: true });
    await expectNoAxeViolations(page);
    // The stream starts in the background, as the egress would once the host goes live.
    stream = await startLiveHlsStream({
      dir: join(tmp, 'stream'),
      s3,
      bucket,
      prefix: publicKeys.broadcastStreamPrefix(id),
      maxSeconds: 80,
    });
  });

  it('plays the live stream with its badge, the time behind live and a jump back to it', async () => {
    await waitForSegments(4);
    await writeState('live');
    await expect.poll(() => page.locator('.live-badge').isVisible(), { timeout: 5000 }).toBe(true);
    await expect
      .poll(() => video().evaluate((element) => (element as HTMLVideoElement).readyState), {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(2);
    await video().evaluate(async (element) => {
      const media = element as HTMLVideoElement;
      media.muted = true;
      if (media.paused) await media.play();
    });
    const startedAt = await mediaTime();
    await expect.poll(mediaTime, { timeout: 10_000 }).toBeGreaterThan(startedAt + 1);
    await expect.poll(behindSeconds, { timeout: 5000 }).toBeLessThan(15);
    expect(await page.locator('[data-jump-live]').isHidden()).toBe(true);
    await expectNoAxeViolations(page);

    // Back into the window (DVR), then to the live edge again.
    await waitForSegments(9);
    await video().evaluate((element) => {
      const media = element as HTMLVideoElement;
      media.currentTime = Math.max(0, media.currentTime - 10);
    });
    await expect.poll(behindSeconds, { timeout: 5000 }).toBeGreaterThan(10);
    await page.screenshot({ path: '/tmp/folkemote-live-page-live.png' });
    const jump = page.locator('[data-jump-live]');
    await expect.poll(() => jump.isVisible(), { timeout: 5000 }).toBe(true);
    await jump.focus();
    await page.keyboard.press('Enter');
    await expect.poll(behindSeconds, { timeout: 8000 }).toBeLessThan(10);
    await expect.poll(() => jump.isHidden(), { timeout: 5000 }).toBe(true);
  });

  it('shows the question being answered within 5 s of highlight.json', async () => {
    const region = page.locator('[data-highlight-region]');
    expect((await region.textContent())?.trim()).toBe('');
    const written = Date.now();
    await writeHighlight({
      id: '6d0f6c2e-1b8e-4a5e-9a57-3d2b5f0e9c11',
      text: 'Når kommer nattbussen tilbake?',
    });
    await expect
      .poll(() => region.textContent(), { timeout: 5000 })
      .toContain('Når kommer nattbussen tilbake?');
    expect(Date.now() - written).toBeLessThan(5000);
    expect(await region.getAttribute('aria-live')).toBe('polite');
    await page.screenshot({ path: '/tmp/folkemote-live-page-highlight.png', fullPage: true });
    await expectNoAxeViolations(page);
    await writeHighlight(null);
    await expect.poll(async () => (await region.textContent())?.trim(), { timeout: 5000 }).toBe('');
  });

  it('the embed plays the same stream, its badge inside a 640×360 iframe', async () => {
    const embed = await context.newPage();
    await embed.setViewportSize({ width: 640, height: 360 });
    embed.on('request', (request) => requests.push(request.url()));
    await embed.goto(`${baseUrl}/replays/${id}/embed.html`);
    await expect.poll(() => embed.locator('.live-badge').isVisible(), { timeout: 5000 }).toBe(true);
    await expect
      .poll(() => embed.locator('video').evaluate((element) => (element as HTMLVideoElement).readyState), {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(2);
    const badge = await embed.locator('.live-badge').boundingBox();
    expect((badge?.y ?? 999) + (badge?.height ?? 0)).toBeLessThanOrEqual(360);
    await embed.screenshot({ path: '/tmp/folkemote-live-embed.png' });
    await expectNoAxeViolations(embed);
    await embed.close();
  });

  it('plays the live stream through the browser own HLS where Media Source Extensions are missing (iPhone)', async () => {
    const phone = await context.newPage();
    const asked: string[] = [];
    phone.on('request', (request) => {
      asked.push(request.url());
      requests.push(request.url());
    });
    await phone.addInitScript(() => {
      for (const name of ['MediaSource', 'ManagedMediaSource', 'WebKitMediaSource'])
        Object.defineProperty(window, name, { value: undefined, configurable: true });
    });
    await phone.goto(`${baseUrl}/replays/${id}/index.html`);
    const media = phone.locator('[data-live-player] video');
    await expect
      .poll(() => media.evaluate((element) => (element as HTMLVideoElement).currentSrc), { timeout: 5000 })
      .toBe(`${baseUrl}/replays/${id}/live/live.m3u8`);
    await media.evaluate(async (element) => {
      const video = element as HTMLVideoElement;
      video.muted = true;
      await video.play();
    });
    const from = await media.evaluate((element) => (element as HTMLVideoElement).currentTime);
    await expect
      .poll(() => media.evaluate((element) => (element as HTMLVideoElement).currentTime), { timeout: 10_000 })
      .toBeGreaterThan(from + 1);
    expect(asked.some((url) => url.endsWith('/assets/hls.min.js'))).toBe(false);
    await phone.close();
  });

  it('plays the recording from the start within 5 s of the end', async () => {
    await stream?.close();
    const ended = Date.now();
    await writeState('ended');
    await expect
      .poll(() => requests.some((url) => url.includes(`/replays/${id}/live/index.m3u8`)), { timeout: 5000 })
      .toBe(true);
    await expect.poll(mediaTime, { timeout: 5000 }).toBeLessThan(4);
    expect(Date.now() - ended).toBeLessThan(10_000);
    const from = await mediaTime();
    await expect.poll(mediaTime, { timeout: 8000 }).toBeGreaterThan(from + 1);
    expect(await page.locator('.live-badge').isHidden()).toBe(true);
    await expect
      .poll(() => page.locator('.live-notice', { hasText: 'Opptaket spilles av fra starten' }).isVisible())
      .toBe(true);
    await expectNoAxeViolations(page);
  });

  it('takes the player away when the recording is held for review', async () => {
    await writeState('ended', false);
    await expect.poll(() => page.locator('[data-live-player]').isHidden(), { timeout: 5000 }).toBe(true);
    // Nothing of the stream is loaded any more.
    expect(await video().evaluate((element) => (element as HTMLVideoElement).readyState)).toBe(0);
    const asked = requests.length;
    await page.waitForTimeout(2500);
    expect(requests.slice(asked).filter((url) => url.includes(`/replays/${id}/live/`))).toEqual([]);
    await expect
      .poll(() =>
        page.locator('.live-notice', { hasText: 'når arrangøren har gått gjennom det' }).isVisible(),
      )
      .toBe(true);
    await page.screenshot({ path: '/tmp/folkemote-live-page-held.png' });
    await expectNoAxeViolations(page);
  });

  it('set no cookie, asked nothing off the public origin and threw nothing', async () => {
    expect(await context.cookies()).toEqual([]);
    const origin = new URL(baseUrl).origin;
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:'));
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
});
