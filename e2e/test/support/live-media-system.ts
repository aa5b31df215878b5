import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoomJoin } from '@folkemote/domain';
import { createLiveKitControl, type LiveKitControl, liveKitServerBinary } from '@folkemote/livekit';
import { type Recorder, startRecorder } from '@folkemote/livekit/recorder';
import {
  createTestEvent,
  createTestStaffLink,
  freePort,
  registerForTest,
  startTestSystem,
  type TestSystem,
  until,
} from '@folkemote/system/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  buildWebApp,
  type FakeMediaFiles,
  installMediaProbe,
  launchBrowser,
  makeFakeMedia,
  type RestartableLiveKit,
  readInboundMedia,
  readVideoElements,
  startRestartableLiveKit,
} from '../../src/index.ts';

/** LiveKit's server binary; without it the media tests skip with this one line, unless CI is set. */
const liveKit = liveKitServerBinary();
export const skipWithoutLiveKit = liveKit.path === undefined && !process.env.CI;
export const skipReason = liveKit.reason ?? '';

export interface MediaSystem {
  livekit: RestartableLiveKit;
  /** LiveKit's server API, as the test sees the room. */
  control: LiveKitControl;
  system: TestSystem;
  /** The recorder behind the Egress API, when the system was started with one. */
  recorder?: Recorder;
  browser: Browser;
  /** The files Chromium's fake camera and microphone play. */
  fakeMedia: FakeMediaFiles;
  /** The web app on the API's origin, e.g. `http://localhost:<port>`. */
  url: string;
  newPage(options?: {
    locale?: 'nb-NO' | 'nn-NO' | 'en-GB';
    viewport?: { width: number; height: number };
  }): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Everything a live room with real audio and video needs, on this machine: LiveKit's real server
 * on free ports (its webhooks to our API), the API and worker on it, the web app built from its
 * sources, and Chromium whose camera and microphone play a known pattern and tone.
 */
export async function startMediaSystem(options: { recorder?: boolean } = {}): Promise<MediaSystem> {
  if (!liveKit.path) throw new Error(liveKit.reason);
  const tmp = await mkdtemp(join(tmpdir(), 'folkemote-media-'));
  const [dist, files, apiPort] = await Promise.all([buildWebApp(), makeFakeMedia(tmp), freePort()]);
  const webhookUrls = [`http://127.0.0.1:${apiPort}/api/webhooks/livekit`];
  const livekit = await startRestartableLiveKit({ binary: liveKit.path, webhookUrls });
  const recorder = options.recorder
    ? await startRecorder({
        livekitUrl: livekit.url,
        apiKey: livekit.apiKey,
        apiSecret: livekit.apiSecret,
        webhookUrls,
      })
    : undefined;
  const system = await startTestSystem(
    {
      ...(recorder ? { LIVEKIT_EGRESS_URL: recorder.url } : {}),
      PORT: String(apiPort),
      PUBLIC_APP_URL: `http://localhost:${apiPort}`,
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
    },
    { webDistDir: dist },
  ).catch(async (error: unknown) => {
    await recorder?.close();
    await livekit.stop();
    throw error;
  });
  const control = createLiveKitControl({
    apiUrl: livekit.httpUrl,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
  });
  const browser = await launchBrowser({ fakeMedia: files });
  const contexts: BrowserContext[] = [];
  return {
    livekit,
    control,
    system,
    ...(recorder ? { recorder } : {}),
    browser,
    fakeMedia: files,
    url: system.url,
    async newPage(options = {}) {
      const context = await browser.newContext({
        locale: options.locale ?? 'nb-NO',
        timezoneId: 'Europe/Oslo',
        viewport: options.viewport ?? { width: 1366, height: 768 },
        permissions: ['camera', 'microphone'],
      });
      contexts.push(context);
      await installMediaProbe(context);
      return context.newPage();
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await system.stop();
      await recorder?.close();
      await livekit.stop();
      await rm(dist, { recursive: true, force: true });
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

export type MediaEvent = Awaited<ReturnType<typeof createMediaEvent>>;

/** A webinar about to start, with a presenter, a host, a moderator and two attendees. */
export async function createMediaEvent(system: TestSystem, options: { recorded?: boolean } = {}) {
  const event = await createTestEvent(
    system.deps.db,
    { capacity: 50, recorded: options.recorded ?? false },
    { startsInHours: 0 },
  );
  const [presenter, host, moderator, kari, ola] = await Promise.all([
    createTestStaffLink(system, event, 'presenter', 'Per Presentatør'),
    createTestStaffLink(system, event, 'host', 'Hanne Vert'),
    createTestStaffLink(system, event, 'moderator', 'Mona Moderator'),
    registerForTest(system.url, event.slug, { name: 'Kari Nordmann', email: 'kari.nordmann@example.no' }),
    registerForTest(system.url, event.slug, { name: 'Ola Nordmann', email: 'ola.nordmann@example.no' }),
  ]);
  return { event, presenter, host, moderator, kari, ola };
}

/** The room of one media event, as the tests reach it. */
export function roomOf(media: MediaSystem, people: MediaEvent) {
  const slug = people.event.slug;
  const roomName = `event-${people.event.id}`;
  return {
    url: (token?: string) => `${media.url}/arrangement/${slug}/direkte${token ? `#${token}` : ''}`,

    /** The LiveKit token the page gets when it next joins (or rejoins) the room. */
    nextJoin: (page: Page): Promise<RoomJoin> =>
      page
        .waitForResponse((r) => r.url().endsWith(`/api/events/${slug}/join`) && r.status() === 200)
        .then((r) => r.json() as Promise<RoomJoin>),

    /** The participant's published tracks as LiveKit's server lists them; null when they are not in the room. */
    async publishedBy(identity: string) {
      const participants = await media.control.listParticipants(roomName);
      const found = participants.find((p) => p.identity === identity);
      return found ? found.tracks.map((t) => ({ source: t.source, muted: t.muted })) : null;
    },
  };
}

/**
 * The presenter opens the backstage and switches the given devices on at once, while the room
 * still connects; resolves with their page and identity once the server lists every track.
 */
export async function presenterGoesLive(
  media: MediaSystem,
  people: MediaEvent,
  devices: Array<'Mikrofon' | 'Kamera' | 'Del skjermen'>,
): Promise<{ page: Page; identity: string }> {
  const room = roomOf(media, people);
  const page = await media.newPage();
  await page.goto(room.url(people.presenter.token));
  const joined = room.nextJoin(page);
  await page.getByRole('button', { name: 'Åpne bak scenen' }).click();
  await joined;
  for (const name of devices) await page.getByRole('button', { name, exact: true }).click();
  const { identity } = await joined;
  // A screen share brings its sound along.
  const tracks = devices.length + (devices.includes('Del skjermen') ? 1 : 0);
  await until(
    () => room.publishedBy(identity),
    (published) => (published?.length ?? 0) >= tracks,
    'the presenter’s tracks on the server',
  );
  await page.getByRole('button', { name: 'Gå direkte' }).click();
  await page.locator('.room-status').getByText('Direkte nå').waitFor();
  return { page, identity };
}

/** Media keeps flowing: decoded frames and every video element on the stage move on between two looks. */
export async function expectPlaying(page: Page, minimumVideos: number) {
  const before = await readInboundMedia(page);
  const videosBefore = await readVideoElements(page, '.stage');
  await page.waitForTimeout(1500);
  const after = await readInboundMedia(page);
  const videosAfter = await readVideoElements(page, '.stage');
  expect(after.framesDecoded, 'frames decoded from the incoming video').toBeGreaterThan(
    before.framesDecoded + 10,
  );
  expect(videosAfter.length).toBeGreaterThanOrEqual(minimumVideos);
  for (const video of videosAfter) {
    const earlier = videosBefore.find((v) => v.label === video.label);
    expect(video.width, `${video.label} has a picture`).toBeGreaterThan(0);
    if (earlier) {
      expect(video.currentTime, `${video.label} plays on`).toBeGreaterThan(earlier.currentTime);
      expect(video.frames, `${video.label} shows new frames`).toBeGreaterThan(earlier.frames);
    }
  }
  return after;
}

/** Marks the page, so a later look can tell it was not reloaded in between. */
export const markNotReloaded = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });

export const wasNotReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);
