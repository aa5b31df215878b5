import { until } from '@folkemote/system/testing';
import type { Page } from 'playwright-core';
import { installClockCamera } from './clock-camera.ts';
import { type MediaEvent, type MediaSystem, roomOf } from './live-media-system.ts';

/**
 * The host opens the backstage with the clock camera (support/clock-camera.ts) and the fake
 * microphone on, waits for the server to list both tracks and takes the webinar live.
 */
export async function hostGoesLiveWithClock(media: MediaSystem, people: MediaEvent): Promise<Page> {
  const room = roomOf(media, people);
  const page = await media.newPage();
  await installClockCamera(page.context());
  await page.goto(room.url(people.host.token));
  const joined = room.nextJoin(page);
  await page.getByRole('button', { name: 'Åpne bak scenen' }).click();
  const { identity } = await joined;
  for (const name of ['Mikrofon', 'Kamera']) await page.getByRole('button', { name, exact: true }).click();
  await until(
    () => room.publishedBy(identity),
    (published) => (published?.length ?? 0) >= 2,
    'the host’s camera and microphone on the server',
  );
  await page.getByRole('button', { name: 'Gå direkte' }).click();
  await page.locator('.room-status').getByText('Direkte nå').waitFor();
  return page;
}

/** The host starts the room recording from the backstage; resolves once the recorder has begun. */
export async function hostStartsRecording(media: MediaSystem, page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start opptak' }).click();
  await page.getByRole('button', { name: 'Stopp opptak' }).waitFor();
  await until(
    async () => media.recorder?.egress()[0],
    (info) => info?.status === 1, // EGRESS_ACTIVE: the recorder is in the room and writing
    'the recorder to join the room',
    30_000,
  );
}

/** The host ends the webinar (confirming); resolves with the time the confirmation was clicked. */
export async function hostEndsWebinar(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Avslutt webinaret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Avslutte webinaret?' });
  const confirm = dialog.getByRole('button', { name: 'Ja, avslutt webinaret' });
  await confirm.waitFor();
  const endedAt = Date.now();
  await confirm.click();
  return endedAt;
}
