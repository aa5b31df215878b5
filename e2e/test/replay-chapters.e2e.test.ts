import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type ReplayInput, renderChaptersVtt, renderReplayPage, siteAssets } from '@folkemote/site';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../src/axe.ts';
import { launchBrowser } from '../src/browser.ts';
import { type StaticServer, serveDirectory } from '../src/static-server.ts';
import { makeSourceClip, makeVersion } from './support/make-replay-media.ts';

const recordingId = '5b2e9c1d-7a4f-4e3b-8c6d-0f1e2a3b4c5d';
const versionId = 'v1-full';
const chaptersPath = `replays/${recordingId}/chapters.0a1b2c3d4e5f.vtt`;
const chapters = [
  { startSeconds: 1.5, endSeconds: 3.25, title: 'Hva koster den nye skolen?' },
  { startSeconds: 3.25, endSeconds: 6, title: 'Når <b>starter</b> byggingen?' },
];

let root: string;
let server: StaticServer;
let browser: Browser;

async function put(key: string, body: string | Buffer): Promise<void> {
  const file = join(root, key);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, body);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'folkemote-chapters-'));
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
      title: 'Spørretime om skolebruksplanen',
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
    captions: [],
    chapters: { path: chaptersPath, items: chapters },
  };
  await put(`replays/${recordingId}/index.html`, renderReplayPage(input));
  await put(chaptersPath, renderChaptersVtt(chapters));
  for (const asset of await siteAssets()) await put(`assets/${asset.name}`, asset.body);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('chapters from the Q&A on the replay page', () => {
  it('loads the chapter track, lists the questions as text, jumps to one, and passes axe', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(`${server.url}/replays/${recordingId}/index.html`);
    await page.waitForSelector('[data-player][data-engine]', { state: 'attached' });

    // The chapter track loads; its cue text is the question as text, markup and all.
    await page.locator('video').evaluate((element) => {
      for (const track of (element as HTMLVideoElement).textTracks)
        if (track.kind === 'chapters') track.mode = 'hidden';
    });
    await page.waitForFunction(() => {
      const video = document.querySelector('video') as HTMLVideoElement;
      const track = [...video.textTracks].find((t) => t.kind === 'chapters');
      return (track?.cues?.length ?? 0) === 2;
    });
    const cues = await page.locator('video').evaluate((element) => {
      const track = [...(element as HTMLVideoElement).textTracks].find((t) => t.kind === 'chapters')!;
      return [...track.cues!].map((cue) => ({
        start: cue.startTime,
        end: cue.endTime,
        text: (cue as VTTCue).text,
      }));
    });
    expect(cues).toEqual([
      { start: 1.5, end: 3.25, text: 'Hva koster den nye skolen?' },
      { start: 3.25, end: 6, text: 'Når &lt;b&gt;starter&lt;/b&gt; byggingen?' },
    ]);

    const items = page.locator('.chapters__list a');
    await expect(items.allTextContents()).resolves.toEqual([
      '0:01 Hva koster den nye skolen?',
      '0:03 Når <b>starter</b> byggingen?',
    ]);
    await expectNoAxeViolations(page);

    // A chapter link plays the page's own player from that moment.
    await page.locator('video').evaluate((element) => {
      (element as HTMLVideoElement).muted = true;
    });
    await items.nth(1).click();
    await page.waitForFunction(
      () => (document.querySelector('video') as HTMLVideoElement).currentTime >= 3.2,
    );
    expect(page.url()).toBe(`${server.url}/replays/${recordingId}/index.html`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
