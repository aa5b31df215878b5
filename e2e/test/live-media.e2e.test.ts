import { mkdir } from 'node:fs/promises';
import { until } from '@folkemote/system/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, readInboundMedia, readLocalTracks, readVideoElements } from '../src/index.ts';
import {
  createMediaEvent,
  expectPlaying,
  type MediaEvent,
  type MediaSystem,
  markNotReloaded,
  presenterGoesLive,
  roomOf,
  skipReason,
  skipWithoutLiveKit,
  startMediaSystem,
  wasNotReloaded,
} from './support/live-media-system.ts';

// LiveKit's real server with real audio and video: a presenter's fake camera, microphone and
// screen reach an attendee's page, the room looks like a webinar while they do, and both pages
// come through a restart of the server.
let media: MediaSystem;
let people: MediaEvent;
let room: ReturnType<typeof roomOf>;

beforeAll(async () => {
  if (skipWithoutLiveKit) return;
  media = await startMediaSystem();
  people = await createMediaEvent(media.system);
  room = roomOf(media, people);
});

afterAll(async () => {
  await media?.stop();
});

const screenshots = '.data/screenshots/live-room';
const reconnecting = 'Forbindelsen ble brutt. Kobler til igjen …';

describe.skipIf(skipWithoutLiveKit)(
  `the live room with audio and video${skipWithoutLiveKit ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let presenter: { page: Page; identity: string };
    let attendeePage: Page;

    it('plays the presenter’s camera, microphone and shared screen on the attendee’s page', async () => {
      presenter = await presenterGoesLive(media, people, ['Mikrofon', 'Kamera', 'Del skjermen']);
      // Switched on while the room was still connecting, they stay on now that it has.
      await presenter.page.waitForTimeout(1000);
      for (const name of ['Mikrofon', 'Kamera', 'Del skjermen'])
        expect(
          await presenter.page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed'),
          name,
        ).toBe('true');
      const published = await room.publishedBy(presenter.identity);
      expect(published?.map((t) => t.source).sort()).toEqual([1, 2, 3, 4]);

      attendeePage = await media.newPage();
      await attendeePage.goto(room.url(people.kari.joinToken));
      await attendeePage.getByRole('button', { name: 'Bli med i webinaret' }).click();
      // The shared screen large, the camera beside it, each named.
      await attendeePage
        .locator('.stage__focus figcaption', { hasText: 'Skjermen til Per Presentatør' })
        .waitFor();
      await attendeePage.locator('.stage__tiles figcaption', { hasText: 'Per Presentatør' }).waitFor();
      await until(
        () => readVideoElements(attendeePage, '.stage'),
        (videos) => videos.length === 2 && videos.every((v) => v.width > 0),
        'both videos to show a picture',
      );
      const playing = await expectPlaying(attendeePage, 2);
      expect(playing.videoTracks).toBeGreaterThanOrEqual(2);
      expect(playing.audioTracks).toBeGreaterThanOrEqual(1);
      expect(playing.audioEnergy, 'energy of the sound that came in').toBeGreaterThan(0);
      // The tone comes and goes like speech, so the presenter is marked as the one speaking. On a
      // loaded machine LiveKit's speaker updates have come well after the first 30 s, so the wait is longer.
      await attendeePage
        .locator('.stage-tile--speaking figcaption', { hasText: 'snakker' })
        .waitFor({ timeout: 90_000 });
      // The attendee was never asked for a camera or microphone.
      expect(await readLocalTracks(attendeePage)).toEqual([]);
    });

    it('finds no accessibility violations on the room pages with live media on them', async () => {
      await expectNoAxeViolations(attendeePage);
      await expectNoAxeViolations(presenter.page);
      await attendeePage.getByRole('tab', { name: 'Personer' }).click();
      await attendeePage.getByRole('heading', { name: 'På scenen' }).waitFor();
      await expectNoAxeViolations(attendeePage);
      // The tabs are reached and changed with the keyboard.
      await attendeePage.keyboard.press('ArrowLeft');
      expect(await attendeePage.getByRole('tab', { name: 'Spørsmål' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      expect(await attendeePage.evaluate(() => document.activeElement?.textContent)).toBe('Spørsmål');

      // The stage goes to the whole screen with its toolbar, and back with the same button.
      const fullscreen = attendeePage.getByRole('button', { name: 'Fullskjerm' });
      await fullscreen.click();
      await attendeePage.waitForFunction(() => document.fullscreenElement?.classList.contains('media-stage'));
      await expect.poll(() => fullscreen.getAttribute('aria-pressed')).toBe('true');
      await expectNoAxeViolations(attendeePage);
      await mkdir(screenshots, { recursive: true });
      await attendeePage.screenshot({ path: `${screenshots}/attendee-fullscreen-nb.png` });
      await fullscreen.click();
      await attendeePage.waitForFunction(() => document.fullscreenElement === null);
      // The button follows the document's fullscreenchange, which React renders a moment later.
      await expect.poll(() => fullscreen.getAttribute('aria-pressed')).toBe('false');
    });

    it('shows the stage first, at desktop and phone size, in bokmål and nynorsk', async () => {
      await mkdir(screenshots, { recursive: true });
      const sizes = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
      const pages = { presenter: presenter.page, attendee: attendeePage };
      for (const [who, page] of Object.entries(pages)) {
        for (const language of ['nb', 'nn'] as const) {
          if (language === 'nn') await page.getByRole('link', { name: 'Nynorsk' }).click();
          for (const [size, viewport] of Object.entries(sizes)) {
            await page.setViewportSize(viewport);
            await page.waitForTimeout(300);
            // The whole stage is in the window without scrolling.
            const box = await page.locator('.stage').boundingBox();
            expect(box, `${who}, ${size}, ${language}: the stage`).not.toBeNull();
            expect(
              box!.y + box!.height,
              `${who}, ${size}, ${language}: the stage's foot`,
            ).toBeLessThanOrEqual(viewport.height);
            await page.screenshot({ path: `${screenshots}/${who}-${size}-${language}.png` });
          }
          await page.setViewportSize(sizes.desktop);
        }
        await page.getByRole('link', { name: 'Bokmål' }).click();
      }
      // Changing the language did not drop the media.
      await expectPlaying(attendeePage, 2);
      expect(await room.publishedBy(presenter.identity)).toHaveLength(4);
    });

    it('keeps playing through a restart of LiveKit’s server, without a reload', async () => {
      await markNotReloaded(presenter.page);
      await markNotReloaded(attendeePage);
      // Both pages say so while it lasts, which may be shorter than the restart itself.
      const noticed = Promise.all(
        [presenter.page, attendeePage].map((page) =>
          page.getByText(reconnecting).waitFor({ timeout: 30_000 }),
        ),
      );
      await media.livekit.restart();
      await noticed;
      for (const page of [presenter.page, attendeePage])
        await page.getByText(reconnecting).waitFor({ state: 'detached', timeout: 30_000 });
      // The restarted server knew nothing of the room: the presenter's page published it all again.
      await until(
        () => room.publishedBy(presenter.identity),
        (tracks) => (tracks?.length ?? 0) === 4,
        'the presenter’s tracks on the restarted server',
        30_000,
      );
      await until(
        () => readVideoElements(attendeePage, '.stage'),
        (videos) => videos.length === 2,
        'both videos back on the attendee’s stage',
      );
      await expectPlaying(attendeePage, 2);
      expect((await readInboundMedia(attendeePage)).audioEnergy).toBeGreaterThan(0);
      for (const name of ['Mikrofon', 'Kamera', 'Del skjermen'])
        expect(
          await presenter.page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed'),
        ).toBe('true');
      for (const page of [presenter.page, attendeePage]) expect(await wasNotReloaded(page)).toBe(true);
    });
  },
);
