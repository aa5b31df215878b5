import { publicKeys } from '@folkemote/storage';
import { apiAt, json, until } from '@folkemote/system/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../src/axe.ts';
import { makeBroadcastEvent } from './support/broadcast-event.ts';
import { hostEndsWebinar, hostGoesLiveWithClock, hostStartsRecording } from './support/broadcast-host.ts';
import {
  type LatencySample,
  measureLatency,
  type PageEvent,
  prepareViewer,
  readPageEvents,
  readViewerVideo,
} from './support/broadcast-viewer.ts';
import {
  createMediaEvent,
  type MediaEvent,
  type MediaSystem,
  skipReason,
  skipWithoutLiveKit,
  startMediaSystem,
} from './support/live-media-system.ts';
import { watchPlaylistEdge } from './support/playlist-edge.ts';

// The live broadcast's acceptance: a webinar broadcast on the county's website. The host goes live with a
// broadcast event and records from the backstage; an anonymous viewer on the public site (no API,
// no cookie, no other origin) plays the HLS stream the recorder writes into the public bucket, sees
// the question being answered, and, when the host ends, the replay from the start at the same
// address. The host's camera draws the wall clock into its picture, so the viewer's frames tell
// how far behind the camera they are (glass to glass), printed as `[broadcast-latency]`, for
// the viewer who waited on the countdown and for a second one who joins mid-broadcast.
let media: MediaSystem;
let people: MediaEvent;
let broadcast: { id: string; url: string };

beforeAll(async () => {
  if (skipWithoutLiveKit) return;
  media = await startMediaSystem({ recorder: true });
  people = await createMediaEvent(media.system, { recorded: true });
  broadcast = await makeBroadcastEvent(media.system, people.event);
});

afterAll(async () => {
  await media?.stop();
});

/** The viewer's video plays on: its position moves forward between two looks a second apart. */
async function expectAdvancing(page: Page): Promise<{ from: number; to: number }> {
  const from = (await readViewerVideo(page)).currentTime;
  await page.waitForTimeout(1000);
  const to = (await readViewerVideo(page)).currentTime;
  expect(to, 'the video’s position moves on').toBeGreaterThan(from);
  return { from, to };
}

/** An anonymous viewer: a fresh browser context (no cookies, no storage) watched by the test. */
async function newViewer() {
  const context: BrowserContext = await media.browser.newContext({
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1280, height: 800 },
  });
  const watched = await prepareViewer(context);
  return { context, page: await context.newPage(), ...watched };
}

/** Once the page says the broadcast is live, the viewer presses play and the video starts. */
async function startWatching(page: Page) {
  await page.locator('[data-live][data-state="live"]').waitFor({ timeout: 30_000 });
  await pressPlay(page);
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0, null, {
    timeout: 60_000,
  });
}

/** The viewer presses play (muted: the test listens to nothing); the stream may not be attached yet. */
const pressPlay = (page: Page) =>
  page.locator('video').evaluate((element) => {
    const video = element as HTMLVideoElement;
    video.muted = true;
    video.play().catch(() => {});
  });

/** What the viewer's page shows after the end: its state, the playlist loaded, the position. */
const readEnding = (page: Page) =>
  page.evaluate(() => {
    const hls = (window as unknown as { hlsInstances?: Array<{ url?: string }> }).hlsInstances?.at(-1);
    const video = document.querySelector('video');
    return {
      state: document.querySelector('[data-live]')?.getAttribute('data-state') ?? null,
      src: hls?.url ?? video?.currentSrc ?? '',
      playing: Boolean(video && !video.paused && video.readyState >= 3),
      currentTime: video?.currentTime ?? 0,
    };
  });
type Ending = Awaited<ReturnType<typeof readEnding>>;

/** The replay from the start: the closed (VOD) playlist loaded, near its beginning, and playing. */
const playsReplayFromStart = (ending: Ending) =>
  ending.state === 'replay' &&
  ending.src.includes('index.m3u8') &&
  ending.playing &&
  ending.currentTime > 0 &&
  ending.currentTime < 4;

/**
 * Follows the viewer's page from the end until it plays the replay from the start (or `giveUpMs`
 * passed); the page's own notes (support/broadcast-viewer.ts) then give, to the millisecond after
 * `endedAt`, when its state changed, when it loaded the closed playlist and when that started
 * playing, so a slow step is named.
 */
async function followEnding(page: Page, endedAt: number, giveUpMs: number, failures: PageEvent[]) {
  let last = await readEnding(page);
  while (!playsReplayFromStart(last) && Date.now() - endedAt < giveUpMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await readEnding(page);
  }
  const events = [...(await readPageEvents(page, endedAt)), ...failures.filter((f) => f.at >= endedAt)].sort(
    (a, b) => a.at - b.at,
  );
  const steps = events.map((e) => `+${e.at - endedAt} ms ${e.what} ${e.detail}`);
  const loaded = events.find((e) => e.what === 'load' && e.detail.includes('index.m3u8'));
  const playing =
    loaded && events.find((e) => e.what === 'playing' && e.at >= loaded.at && Number(e.detail) < 4);
  const replayAfterMs = playsReplayFromStart(last) && playing ? playing.at - endedAt : null;
  return { replayAfterMs, steps, last };
}

function printLatency(
  viewer: string,
  figures: Awaited<ReturnType<typeof measureLatency>>,
  edge: Awaited<ReturnType<typeof watchPlaylistEdge>> | null,
) {
  const row = (s: LatencySample) =>
    `drawn ${s.drawnAt ?? '–'} read ${s.readAt} pdt ${s.programDateTime ?? '–'} hls latency ${s.hlsLatency?.toFixed(2) ?? '–'}/${s.hlsTargetLatency?.toFixed(2) ?? '–'} s ${s.height}p stalls ${s.stalls}`;
  const ms = (f: { median: number; max: number } | null) =>
    f ? `median ${(f.median / 1000).toFixed(2)} s, max ${(f.max / 1000).toFixed(2)} s` : 'no samples';
  console.log(
    `[broadcast-latency] ${viewer}: glass to glass (viewer's clock − time drawn by the camera): ${ms(figures.glassToGlassMs)} over ${figures.decoded}/${figures.samples.length} decoded frames`,
  );
  console.log(
    `[broadcast-latency] PDT of the playing position − time drawn: ${ms(figures.programDateTimeMinusDrawnMs)}`,
  );
  console.log(
    `[broadcast-latency] viewer's clock − PDT of the playing position: ${ms(figures.behindProgramDateTimeMs)}`,
  );
  if (edge)
    console.log(
      `[broadcast-latency] a 720p segment is listed after the end of its pictures: ${ms(edge.listedAfterEndMs)} over ${edge.segments} segments`,
    );
  console.log(
    `[broadcast-latency] hls.js's distance behind the newest segment: ${figures.hlsLatencySeconds ? `median ${figures.hlsLatencySeconds.median.toFixed(2)} s, max ${figures.hlsLatencySeconds.max.toFixed(2)} s` : 'unknown'}; stalls while measuring: ${figures.stalls}`,
  );
  for (const sample of figures.samples) console.log(`[broadcast-latency]   ${row(sample)}`);
}

describe.skipIf(skipWithoutLiveKit)(
  `a broadcast on the public site${skipWithoutLiveKit ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    it('plays live to an anonymous viewer, shows the highlighted question, and becomes the replay at the same address', async () => {
      const base = media.system.deps.s3Settings.publicBaseUrl;
      const publicOrigin = new URL(base).origin;
      // The address the organiser is given is the replay's folder; the bucket serves its index.html.
      expect(broadcast.url).toBe(`${base}/replays/${broadcast.id}/`);
      const liveUrl = `${base}/${publicKeys.replayPage(broadcast.id)}`;
      const { context: viewerContext, page: viewer, origins, failures } = await newViewer();

      // Before: the countdown and the event's details, written when the event became a broadcast.
      await until(
        async () => (await fetch(liveUrl).catch(() => null))?.status ?? 0,
        (status) => status === 200,
        'the live page’s countdown',
        30_000,
      );
      await viewer.goto(liveUrl);
      await viewer
        .getByRole('heading', { name: /Folkehelse i Nordland/ })
        .first()
        .waitFor();
      await viewer.locator('[data-live][data-state="scheduled"]').waitFor();
      await expectNoAxeViolations(viewer);

      // Live: the host goes live with the clock camera and records; the viewer's page starts playing.
      const host = await hostGoesLiveWithClock(media, people);
      await hostStartsRecording(media, host);
      await startWatching(viewer);
      await expectAdvancing(viewer);
      await expectNoAxeViolations(viewer);

      // A few seconds for the player to settle at its distance from the live edge, then ten looks.
      await viewer.waitForTimeout(3000);
      const edgeUrl = `${base}/${publicKeys.broadcastStreamPrefix(broadcast.id)}720p/live.m3u8`;
      const [latency, edge] = await Promise.all([
        measureLatency(viewer, 10, 1000),
        watchPlaylistEdge(edgeUrl, 11_000),
      ]);
      printLatency('watching since the countdown', latency, edge);
      expect(latency.decoded, 'frames whose drawn time could be read').toBeGreaterThan(0);

      // A viewer who joins mid-broadcast, when the live playlist holds more than the player's
      // hold-back (one who waited on the countdown starts with what the first segments allow).
      const late = await newViewer();
      await late.page.goto(liveUrl);
      await startWatching(late.page);
      await late.page.waitForTimeout(3000);
      const lateLatency = await measureLatency(late.page, 10, 1000);
      printLatency('joined mid-broadcast', lateLatency, null);
      expect(lateLatency.decoded, 'frames whose drawn time could be read').toBeGreaterThan(0);
      expect(await late.context.cookies()).toEqual([]);
      expect([...late.origins]).toEqual([publicOrigin]);
      await late.context.close();

      // The question being answered: asked by a registrant, highlighted by the host.
      const api = apiAt(media.url);
      const text = 'Når kommer den nye bussruten til Gildeskål?';
      const asked = await json<{ question: { id: string } }>(
        await api('POST', `/api/events/${people.event.slug}/questions`, people.kari.joinToken, { text }),
        201,
      );
      const highlightedAt = Date.now();
      await json(
        await api('PATCH', `/api/questions/${asked.question.id}`, people.host.token, {
          status: 'highlighted',
        }),
        200,
      );
      await viewer.getByText(text).waitFor({ timeout: 5000 });
      console.log(
        `[broadcast-latency] highlighted question on the viewer's page after ${Date.now() - highlightedAt} ms`,
      );

      // The end: the same address plays the replay from the start within 5 s.
      const endedAt = await hostEndsWebinar(host);
      const ending = await followEnding(viewer, endedAt, 60_000, failures);
      console.log(
        `[broadcast-latency] the replay from the start ${ending.replayAfterMs ?? 'not within 60000'} ms after the end; the page after the end:\n${ending.steps.join('\n')}`,
      );
      expect(
        ending.replayAfterMs,
        `the replay from the start; the page at last: ${JSON.stringify(ending.last)}`,
      ).not.toBeNull();
      expect(
        ending.replayAfterMs!,
        'the replay plays from the start within 5 s of the end',
      ).toBeLessThanOrEqual(5000);
      await expectAdvancing(viewer);
      await expectNoAxeViolations(viewer);

      // Cookieless, and nothing but the public site.
      expect(await viewerContext.cookies()).toEqual([]);
      expect([...origins]).toEqual([publicOrigin]);
      await viewerContext.close();
    }, 420_000);
  },
);
