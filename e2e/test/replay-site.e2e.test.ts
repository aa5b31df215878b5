import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type ReplayInput,
  renderArchivePage,
  renderEmbedPage,
  renderJsonFeed,
  renderOembed,
  renderReplayPage,
  renderRssFeed,
  siteAssets,
} from '@folkemote/site';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../src/axe.ts';
import { launchBrowser } from '../src/browser.ts';
import { type StaticServer, serveDirectory } from '../src/static-server.ts';
import { makeLadder, makeSourceClip, makeSprite, makeVersion } from './support/make-replay-media.ts';

const videoId = '4f1d2c3b-0a9e-4b8c-9d7e-6f5a4b3c2d1e';
const audioId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const ladderId = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
const versionId = 'v1-full';
const screenshots = '.data/screenshots/replay';

let root: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

async function put(key: string, body: string | Buffer): Promise<void> {
  const file = join(root, key);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, body);
}

function replayInput(
  baseUrl: string,
  id: string,
  files: Awaited<ReturnType<typeof makeVersion>>,
  audio: boolean,
  sprite: { vtt: string } | null = null,
) {
  return {
    baseUrl,
    locale: 'nb',
    recording: {
      id,
      title: audio ? 'Lydopptak fra kommunestyret <b>ikke fet</b>' : 'Folkemøte om budsjettet for 2026',
      durationSeconds: 6,
      publishedAt: audio ? '2025-03-10T12:00:00.000Z' : '2025-03-12T08:15:00.000Z',
    },
    event: {
      id: 'e1',
      slug: 'budsjett-2026',
      title: 'Folkemøte om budsjettet for 2026',
      description:
        'Fylkesdirektøren legger fram forslaget til budsjett.\n\nEtter innledningen svarer politikerne på spørsmål fra innbyggerne.',
      startsAt: '2025-03-11T17:00:00.000Z',
      endsAt: '2025-03-11T18:30:00.000Z',
      language: audio ? 'nn' : 'nb',
      organisation: { slug: 'vestland', name: 'Vestland fylkeskommune' },
      contact: { name: 'Kari Nordmann', email: 'kari.nordmann@example.no', phone: '+47 55 63 90 00' },
    },
    version: {
      id: versionId,
      master: files.master,
      poster: files.poster,
      posterSize: files.poster ? { width: 640, height: 360 } : null,
      download: files.download,
      sprite,
      hasVideo: !audio,
      width: audio ? null : 640,
      height: audio ? null : 360,
    },
    captions: files.captions.map(({ file, ...track }) => ({
      ...track,
      path: `replays/${id}/v/${versionId}/${file}`,
    })),
  } satisfies ReplayInput;
}

/** Records every request the page makes and every script error or policy violation it reports. */
function watchPage(page: Page) {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  return {
    requests,
    problems,
    foreignRequests: () =>
      requests.filter(
        (url) => !url.startsWith(`${server.url}/`) && !url.startsWith('blob:') && !url.startsWith('data:'),
      ),
  };
}

interface SpriteCue {
  start: number;
  end: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The cues of a sprite index as the transcode writes them: a time range, then `sprite.jpg#xywh=x,y,w,h`. */
function parseSpriteCues(vtt: string): SpriteCue[] {
  const seconds = (stamp: string) => stamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  return [...vtt.matchAll(/^(\S+) --> (\S+)\n\S+#xywh=(\d+),(\d+),(\d+),(\d+)$/gm)].map((match) => ({
    start: seconds(match[1] ?? ''),
    end: seconds(match[2] ?? ''),
    x: Number(match[3]),
    y: Number(match[4]),
    width: Number(match[5]),
    height: Number(match[6]),
  }));
}

/** The CSS background-position that shows the tile of the moment (the last tile at the very end). */
function tilePosition(cues: SpriteCue[], seconds: number): string {
  const cue = cues.findLast((candidate) => candidate.start <= seconds);
  if (!cue) throw new Error(`no sprite cue at ${seconds} s`);
  return `${-cue.x}px ${-cue.y}px`;
}

async function waitForPlaybackPast(page: Page, selector: string, seconds: number): Promise<number> {
  // Wait for the player script to attach a source, then start playback muted, which browsers
  // allow without a user gesture.
  await page.waitForSelector('[data-player][data-engine]', { state: 'attached' });
  await page.locator(selector).evaluate(async (element) => {
    const media = element as HTMLMediaElement;
    media.muted = true;
    if (media.paused) await media.play();
  });
  await page.waitForFunction(
    ({ selector, seconds }) => {
      const media = document.querySelector(selector) as HTMLMediaElement | null;
      return media !== null && media.currentTime > seconds;
    },
    { selector, seconds },
    { timeout: 120_000 },
  );
  return page.locator(selector).evaluate((element) => (element as HTMLMediaElement).currentTime);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'folkemote-site-'));
  server = await serveDirectory(root);
  const source = join(root, 'source.mp4');
  await makeSourceClip(source);
  const videoFiles = await makeVersion(source, join(root, `replays/${videoId}/v/${versionId}`));
  const sprite = await makeSprite(source, join(root, `replays/${videoId}/v/${versionId}`), {
    durationSeconds: 6,
    width: 640,
    height: 360,
  });
  const audioFiles = await makeVersion(source, join(root, `replays/${audioId}/v/${versionId}`), true);
  await rm(source);

  const inputs = [
    replayInput(server.url, videoId, videoFiles, false, sprite),
    replayInput(server.url, audioId, audioFiles, true),
  ];
  for (const input of inputs) {
    const id = input.recording.id;
    await put(`replays/${id}/index.html`, renderReplayPage(input));
    await put(`replays/${id}/embed.html`, renderEmbedPage(input));
    await put(`replays/${id}/oembed.json`, JSON.stringify(renderOembed(input)));
  }
  // The same recording as a quick version would show it: no download yet, questions as chapters.
  const quick = replayInput(server.url, videoId, videoFiles, false);
  const chaptersPath = `replays/${videoId}/chapters.vtt`;
  await put(chaptersPath, 'WEBVTT\n\n00:00:03.000 --> 00:00:06.000\nNår starter byggingen?\n');
  await put(
    `replays/${videoId}/quick.html`,
    renderReplayPage({
      ...quick,
      version: { ...quick.version, download: null },
      chapters: {
        path: chaptersPath,
        items: [{ startSeconds: 3, endSeconds: 6, title: 'Når starter byggingen?' }],
      },
    }),
  );
  // The same video replay for a nynorsk event.
  const videoInput = inputs[0]!;
  await put(
    `replays/${videoId}/nn.html`,
    renderReplayPage({ ...videoInput, event: { ...videoInput.event, language: 'nn' } }),
  );
  // A replay with a 360p and a 720p rendition, to see which one playback starts with.
  const ladder = await makeLadder(join(root, `replays/${ladderId}/v/${versionId}`));
  const ladderInput = replayInput(server.url, ladderId, { ...videoFiles, ...ladder, captions: [] }, false);
  await put(
    `replays/${ladderId}/index.html`,
    renderReplayPage({ ...ladderInput, version: { ...ladderInput.version, sprite: null } }),
  );
  await mkdir(screenshots, { recursive: true });
  const archive = { baseUrl: server.url, locale: 'nb' as const, items: inputs };
  await put('index.html', renderArchivePage(archive));
  await put('nn/index.html', renderArchivePage({ ...archive, locale: 'nn' }));
  await put('en/index.html', renderArchivePage({ ...archive, locale: 'en' }));
  await put('feed.json', JSON.stringify(renderJsonFeed(archive)));
  await put('feed.xml', renderRssFeed(archive));
  for (const asset of await siteAssets()) await put(`assets/${asset.name}`, asset.body);

  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the public replay site in Chromium', () => {
  it('plays the replay page past 2 s with captions, using only the local server, with no axe violations', async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}/replays/${videoId}/index.html`);
    await page.waitForSelector('[data-player][data-engine]', { state: 'attached' });
    await page.screenshot({ path: '/tmp/folkemote-replay-page-before-play.png' });

    const reached = await waitForPlaybackPast(page, 'video', 2);
    expect(reached).toBeGreaterThan(2);
    const engine = await page.locator('[data-player]').getAttribute('data-engine');
    expect(['hls.js', 'native']).toContain(engine);
    await expect(page.locator('[data-player-message]').isHidden()).resolves.toBe(true);

    // The captions track loads from the version prefix and has cues.
    await page.locator('video').evaluate((element) => {
      const track = (element as HTMLVideoElement).textTracks[0];
      if (track) track.mode = 'showing';
    });
    await page.waitForFunction(() => {
      const track = (document.querySelector('video') as HTMLVideoElement).textTracks[0];
      return (track?.cues?.length ?? 0) > 0;
    });
    const track = await page.locator('video').evaluate((element) => {
      const text = (element as HTMLVideoElement).textTracks[0];
      return { kind: text?.kind, language: text?.language, cues: text?.cues?.length };
    });
    expect(track).toEqual({ kind: 'captions', language: 'nb', cues: 2 });

    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nb');
    await page.screenshot({ path: '/tmp/folkemote-replay-page.png', fullPage: true });
    await expectNoAxeViolations(page);

    expect(watch.foreignRequests()).toEqual([]);
    expect(watch.requests.some((url) => url.endsWith('/master.m3u8'))).toBe(true);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('previews the sprite tile on the player’s own timeline and seeks there, with no axe violations', async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    const vttUrl = `${server.url}/replays/${videoId}/v/${versionId}/sprite.vtt`;
    const cues = parseSpriteCues(await (await fetch(vttUrl)).text());
    expect(cues.map((cue) => [cue.start, cue.end])).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
    ]);
    await page.goto(`${server.url}/replays/${videoId}/index.html`);
    const slider = page.getByRole('slider', { name: 'Tidslinje' });
    await slider.waitFor({ state: 'visible' });
    // The timeline is the player's own: the video's native controls are gone, and no second slider.
    await expect(page.locator('video').evaluate((v) => (v as HTMLVideoElement).controls)).resolves.toBe(
      false,
    );
    await expect(page.getByRole('slider').count()).resolves.toBe(1);
    await expect(page.locator('[data-player] [data-player-controls] #seek-input').count()).resolves.toBe(1);
    await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).readyState >= 1);
    const preview = page.locator('[data-seek-preview]');
    const tile = page.locator('[data-seek-tile]');
    const video = page.locator('video');
    const shown = () =>
      tile.evaluate((element) => {
        const style = getComputedStyle(element);
        return {
          time: document.querySelector('[data-seek-time]')?.textContent,
          position: style.backgroundPosition,
          image: style.backgroundImage,
          size: `${style.width} ${style.height}`,
        };
      });
    const sprite = `url("${server.url}/replays/${videoId}/v/${versionId}/sprite.jpg")`;
    const waitForTime = (seconds: number) =>
      page.waitForFunction(
        (seconds) =>
          Math.abs((document.querySelector('video') as HTMLVideoElement).currentTime - seconds) < 0.1,
        seconds,
      );

    await slider.focus();
    await expect(preview.isHidden()).resolves.toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(slider.inputValue()).resolves.toBe('2');
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('0:02 av 0:06');
    await tile.waitFor({ state: 'visible' });
    await expect(shown()).resolves.toEqual({
      time: '0:02',
      position: tilePosition(cues, 2),
      image: sprite,
      size: '160px 90px',
    });
    await waitForTime(2);

    await page.keyboard.press('End');
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('0:06 av 0:06');
    await expect(shown()).resolves.toMatchObject({ time: '0:06', position: tilePosition(cues, 6) });
    expect(tilePosition(cues, 6)).not.toBe(tilePosition(cues, 2));
    await waitForTime(6);
    await page.screenshot({ path: `${screenshots}/timeline-preview-desktop-nb.png` });
    await expectNoAxeViolations(page);
    await expect(preview.isVisible()).resolves.toBe(true);

    await page.keyboard.press('Escape');
    await expect(preview.isHidden()).resolves.toBe(true);

    // The pointer over the middle of the slider previews the middle, and leaving hides it.
    const box = await slider.boundingBox();
    if (!box) throw new Error('the slider has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(shown()).resolves.toMatchObject({ time: '0:03', position: tilePosition(cues, 3) });
    await page.mouse.move(box.x + box.width / 2, box.y - 200);
    await expect(preview.isHidden()).resolves.toBe(true);

    // Once nobody uses it, the slider follows the video.
    await slider.evaluate((element) => (element as HTMLInputElement).blur());
    await video.evaluate((element) => {
      (element as HTMLVideoElement).currentTime = 1;
    });
    await page.waitForFunction(
      () => (document.querySelector('#seek-input') as HTMLInputElement).value === '1',
    );
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('0:01 av 0:06');

    // Dragging previews where the thumb is, and letting go seeks there.
    const middle = box.y + box.height / 2;
    await page.mouse.move(box.x + 4, middle);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, middle, { steps: 5 });
    const dragged = Number(await slider.inputValue());
    expect(dragged).toBeGreaterThanOrEqual(4);
    await expect(shown()).resolves.toMatchObject({
      time: `0:0${dragged}`,
      position: tilePosition(cues, dragged),
    });
    await page.mouse.up();
    await waitForTime(dragged);
    await page.mouse.move(box.x + box.width / 2, box.y - 200);
    await expect(preview.isHidden()).resolves.toBe(true);

    // On a small screen the preview stays inside the page at both ends.
    await page.setViewportSize({ width: 320, height: 640 });
    await slider.focus();
    for (const key of ['Home', 'End']) {
      await page.keyboard.press(key);
      const bounds = await preview.boundingBox();
      if (!bounds) throw new Error('the preview has no box');
      expect(bounds.x, key).toBeGreaterThanOrEqual(0);
      expect(bounds.x + bounds.width, key).toBeLessThanOrEqual(320);
    }
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
    await page.screenshot({ path: `${screenshots}/timeline-preview-phone-nb.png` });

    expect(watch.requests.filter((url) => url === vttUrl)).toHaveLength(1);
    expect(watch.foreignRequests()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    for (const [language, path, labels] of [
      ['nb', 'index.html', { play: 'Spill av', pause: 'Pause', mute: 'Demp lyden', captions: 'Teksting' }],
      ['nn', 'nn.html', { play: 'Spel av', pause: 'Pause', mute: 'Demp lyden', captions: 'Teksting' }],
    ] as const) {
      it(`runs the player's control bar from the keyboard, in ${language} (${size}), with no axe violations`, async () => {
        const page = await context.newPage();
        await page.setViewportSize(viewport);
        const watch = watchPage(page);
        await page.goto(`${server.url}/replays/${videoId}/${path}`);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(language);
        const play = page.getByRole('button', { name: labels.play });
        await play.waitFor({ state: 'visible' });
        await page.waitForFunction(
          () => (document.querySelector('video') as HTMLVideoElement).readyState >= 1,
        );
        const video = page.locator('video');
        await page.getByRole('button', { name: labels.mute }).focus();
        await page.keyboard.press('Enter');
        await page.locator('[data-action="mute"][aria-pressed="true"]').waitFor();
        await expect(video.evaluate((v) => (v as HTMLVideoElement).muted)).resolves.toBe(true);
        await play.focus();
        await page.keyboard.press('Enter');
        const pause = page.getByRole('button', { name: labels.pause });
        await pause.waitFor();
        await page.waitForFunction(
          () => (document.querySelector('video') as HTMLVideoElement).currentTime > 0.5,
        );
        await page.keyboard.press('Enter');
        await play.waitFor();
        await expect(video.evaluate((v) => (v as HTMLVideoElement).paused)).resolves.toBe(true);
        const captions = page.getByRole('button', { name: labels.captions });
        await captions.focus();
        await page.keyboard.press('Space');
        await page.locator('[data-action="captions"][aria-pressed="true"]').waitFor();
        await expect(video.evaluate((v) => (v as HTMLVideoElement).textTracks[0]?.mode)).resolves.toBe(
          'showing',
        );
        // The timeline's preview, reached with Tab from the play button.
        await play.focus();
        await page.keyboard.press('Tab');
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('seek-input');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await page.locator('[data-seek-tile]').waitFor({ state: 'visible' });
        const bar = await page.locator('[data-player-controls]').boundingBox();
        const shown = await page.locator('[data-seek-preview]').boundingBox();
        if (!bar || !shown) throw new Error('no control bar or preview box');
        expect(shown.x).toBeGreaterThanOrEqual(bar.x);
        expect(shown.x + shown.width).toBeLessThanOrEqual(bar.x + bar.width + 0.5);
        await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
          viewport.width,
        );
        await page.screenshot({ path: `${screenshots}/controls-${size}-${language}.png` });
        await expectNoAxeViolations(page);
        expect(watch.foreignRequests()).toEqual([]);
        expect(watch.problems).toEqual([]);
        await page.close();
      });
    }
  }

  for (const [size, viewport, rendition] of [
    ['desktop', { width: 1280, height: 900 }, '720p'],
    ['phone', { width: 390, height: 844 }, '360p'],
  ] as const) {
    it(`starts playback at the rendition that fits the player (${size}: ${rendition}), not the lowest`, async () => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const segments: string[] = [];
      page.on('request', (request) => {
        const match = /\/(\d+p)\/segment-\d+\.m4s$/.exec(request.url());
        if (match?.[1]) segments.push(match[1]);
      });
      await page.goto(`${server.url}/replays/${ladderId}/index.html`);
      await page.waitForSelector('[data-player][data-engine]', { state: 'attached' });
      await expect(page.locator('[data-player]').getAttribute('data-engine')).resolves.toBe('hls.js');
      await page.locator('video').evaluate(async (element) => {
        const media = element as HTMLVideoElement;
        media.muted = true;
        await media.play();
      });
      // The first picture shown is already the fitting rendition ...
      await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).currentTime > 0);
      const height = await page.locator('video').evaluate((v) => (v as HTMLVideoElement).videoHeight);
      expect(height, `segments loaded: ${segments.join(', ')}`).toBe(rendition === '720p' ? 720 : 360);
      // ... and at most one segment of the lowest was fetched, to measure the bandwidth by.
      await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).currentTime > 2);
      expect(segments.filter((name) => name !== rendition).length).toBeLessThanOrEqual(1);
      expect(segments.filter((name) => name === rendition).length).toBeGreaterThanOrEqual(2);
      await page.close();
    });
  }

  it('shows a quick version without a download: a note instead, chapters that seek, no axe violations', async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}/replays/${videoId}/quick.html`);
    await page.waitForSelector('[data-player][data-engine]', { state: 'attached' });
    await expect(page.locator('a[download]').count()).resolves.toBe(0);
    await expect(page.locator('.actions__note').first().textContent()).resolves.toBe(
      'Opptaket kan lastes ned snart, når versjonen i full kvalitet er klar.',
    );
    await page.locator('video').evaluate((element) => {
      (element as HTMLVideoElement).muted = true;
    });
    await page.locator('.chapters__list a').first().click();
    await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).currentTime >= 3);
    expect(page.url()).toBe(`${server.url}/replays/${videoId}/quick.html`);
    await page.screenshot({ path: '/tmp/folkemote-quick-replay-page.png', fullPage: true });
    await expectNoAxeViolations(page);
    expect(watch.foreignRequests()).toEqual([]);
    expect(watch.requests.filter((url) => url.includes('download'))).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('plays through hls.js when the browser has no native HLS', async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    // Chromium now answers "maybe" for HLS itself; hide that so the MSE path runs as in Firefox.
    await page.addInitScript(() => {
      const original = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function canPlayType(type: string) {
        return /mpegurl/i.test(type) ? '' : original.call(this, type);
      };
    });
    await page.goto(`${server.url}/replays/${videoId}/index.html`);
    expect(await waitForPlaybackPast(page, 'video', 2)).toBeGreaterThan(2);
    await expect(page.locator('[data-player]').getAttribute('data-engine')).resolves.toBe('hls.js');
    expect(watch.requests).toContain(`${server.url}/assets/hls.min.js`);
    expect(watch.requests.some((url) => url.endsWith('.m4s'))).toBe(true);
    expect(watch.foreignRequests()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('copies the embed code with the keyboard', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/replays/${videoId}/index.html`);
    const button = page.locator('button[data-copy-target="embed-code"]');
    await button.waitFor({ state: 'visible' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-copy-status]')?.textContent !== '');
    await expect(page.locator('[data-copy-status]').textContent()).resolves.toBe('Koden er kopiert.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#embed-code').inputValue());
    expect(copied).toContain(`src="${server.url}/replays/${videoId}/embed.html"`);
    await page.close();
  });

  it('plays the audio-only replay in an <audio> element, in the event language', async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}/replays/${audioId}/index.html`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
    expect(await waitForPlaybackPast(page, 'audio', 2)).toBeGreaterThan(2);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Lydopptak fra kommunestyret <b>ikke fet</b>',
    );
    await page.screenshot({ path: '/tmp/folkemote-audio-page.png', fullPage: true });
    await expectNoAxeViolations(page);
    expect(watch.foreignRequests()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('serves an embed page that plays and has no axe violations', async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.setViewportSize({ width: 640, height: 360 });
    await page.goto(`${server.url}/replays/${videoId}/embed.html`);
    expect(await waitForPlaybackPast(page, 'video', 2)).toBeGreaterThan(2);
    await page.screenshot({ path: '/tmp/folkemote-embed-page.png' });
    await expectNoAxeViolations(page);
    expect(watch.foreignRequests()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`offers the archive in nb, nn and en, and a replay follows its event's language (${size})`, async () => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const watch = watchPage(page);
      await page.goto(`${server.url}/index.html`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nb');
      await page.getByRole('navigation', { name: 'Språk' }).getByRole('link', { name: 'Nynorsk' }).click();
      await page.waitForURL(`${server.url}/nn/index.html`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expect(page.getByRole('link', { name: 'Nynorsk' }).getAttribute('aria-current')).resolves.toBe(
        'page',
      );
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `${screenshots}/archive-${size}-nn.png`, fullPage: true });
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(`${server.url}/en/index.html`);
      await expect(page.locator('time').first().textContent()).resolves.toMatch(
        /^\d{1,2} [A-Z][a-z]+ \d{4}$/,
      );
      await expectNoAxeViolations(page);
      // The audio replay's event is nynorsk: its page is in nynorsk and leads back to that archive.
      await page.goto(`${server.url}/replays/${audioId}/index.html`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
      await expect(page.locator('.back-link a').getAttribute('href')).resolves.toBe(
        `${server.url}/nn/index.html`,
      );
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `${screenshots}/replay-audio-${size}-nn.png`, fullPage: true });
      expect(watch.foreignRequests()).toEqual([]);
      expect(watch.problems).toEqual([]);
      await page.close();
    });
  }

  it('lists both replays newest first on the archive page, with no axe violations', async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}/index.html`);
    await page.waitForLoadState('load');
    const links = await page
      .locator('.replay-card__title a')
      .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect(links).toEqual([
      `${server.url}/replays/${videoId}/index.html`,
      `${server.url}/replays/${audioId}/index.html`,
    ]);
    const posterLoaded = await page
      .locator('.replay-card img')
      .first()
      .evaluate(
        (image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
      );
    expect(posterLoaded).toBe(true);
    await page.screenshot({ path: `${screenshots}/archive-desktop-nb.png`, fullPage: true });
    await expectNoAxeViolations(page);
    expect(watch.foreignRequests()).toEqual([]);
    expect(watch.problems).toEqual([]);

    const feed = await page.request.get(`${server.url}/feed.json`);
    const items = (await feed.json()).items as Array<{ url: string; attachments: Array<{ url: string }> }>;
    expect(items.map((item) => item.url)).toEqual(links);
    const download = await page.request.get(items[0]?.attachments[0]?.url ?? '', {
      headers: { range: 'bytes=0-7' },
    });
    expect(download.status()).toBe(206);
    expect((await download.body()).subarray(4, 8).toString('latin1')).toBe('ftyp');
    await page.close();
  });
});
