import type { RoomJoin } from '@folkemote/domain';
import { createTestOrganiser, signInForTest, until } from '@folkemote/system/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptConnect,
  attemptPublish,
  expectNoAxeViolations,
  holdConnection,
  leavePublishAttempt,
  readHeldConnection,
  readLocalTracks,
  readVideoElements,
} from '../src/index.ts';
import {
  createMediaEvent,
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

// Who may publish, and who may stay, decided by our API and held by LiveKit's real server:
// the audience cannot publish, the stage can be given and taken back, and removal and
// revocation reach LiveKit's room.
let media: MediaSystem;
let people: MediaEvent;
let room: ReturnType<typeof roomOf>;
let presenter: { page: Page; identity: string };
let hostPage: Page;

beforeAll(async () => {
  if (skipWithoutLiveKit) return;
  media = await startMediaSystem();
  people = await createMediaEvent(media.system);
  room = roomOf(media, people);
  presenter = await presenterGoesLive(media, people, ['Mikrofon', 'Kamera']);
  hostPage = await media.newPage();
  await hostPage.goto(room.url(people.host.token));
  await hostPage.getByRole('heading', { name: 'Rakte hender (0)' }).waitFor();
});

afterAll(async () => {
  await media?.stop();
});

/** Opens the room as an attendee and joins; their page and the LiveKit token it holds. */
async function attendeeJoins(joinToken: string): Promise<{ page: Page; held: RoomJoin }> {
  const page = await media.newPage();
  await page.goto(room.url(joinToken));
  const joined = room.nextJoin(page);
  await page.getByRole('button', { name: 'Bli med i webinaret' }).click();
  const held = await joined;
  await until(
    () => room.publishedBy(held.identity),
    (tracks) => tracks !== null,
    'them in LiveKit’s room',
  );
  return { page, held };
}

/** A LiveKit token for the holder of `joinToken`, asked for from inside their page as the app asks. */
async function tokenFor(page: Page, joinToken: string): Promise<RoomJoin> {
  return (await page.evaluate(
    async ({ slug, token }) =>
      (
        await fetch(`/api/events/${slug}/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ joinToken: token }),
        })
      ).json(),
    { slug: people.event.slug, token: joinToken },
  )) as RoomJoin;
}

/** Milliseconds until LiveKit's server no longer lists the participant. */
async function millisecondsUntilGone(identity: string, since: number): Promise<number> {
  await until(
    () => room.publishedBy(identity),
    (tracks) => tracks === null,
    'them out of LiveKit’s room',
    10_000,
  );
  return Date.now() - since;
}

describe.skipIf(skipWithoutLiveKit)(
  `who may publish and stay, on LiveKit’s real server${skipWithoutLiveKit ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    it('refuses an attendee’s own attempt to publish, on the server', async () => {
      const page = await media.newPage();
      await page.goto(room.url(people.ola.joinToken));
      await page.getByRole('button', { name: 'Bli med i webinaret' }).waitFor();
      // Their own token, as the page gets it.
      const join = await tokenFor(page, people.ola.joinToken);
      expect(join.role).toBe('attendee');

      const attempt = await attemptPublish(page, join.serverUrl, join.token);
      expect(attempt.clientRefusal).toMatch(/insufficient permissions/);
      expect(attempt.serverRefusal).toBe('NOT_ALLOWED');
      expect(await room.publishedBy(join.identity)).toEqual([]);
      expect(await presenter.page.locator('.stage figcaption', { hasText: 'Ola Nordmann' }).count()).toBe(0);
      await leavePublishAttempt(page);
      await page.close();
    });

    it('brings a raised hand on stage, receives their camera, and ends their tracks back in the audience', async () => {
      const { page, held } = await attendeeJoins(people.kari.joinToken);
      await markNotReloaded(page);
      await page.getByRole('button', { name: 'Rekk opp hånda' }).click();
      await page.getByText('Hånda di er oppe. Verten ser den.').waitFor();
      await hostPage.getByRole('tab', { name: /Styring.*1 hånd oppe/ }).waitFor();
      const hand = hostPage.getByRole('listitem').filter({ hasText: 'Kari Nordmann' });
      await hand.getByRole('button', { name: /^Hent opp på scenen/ }).click();

      // On stage, without a reload: the camera goes out to the others.
      await page.getByRole('button', { name: 'Kamera', exact: true }).click();
      await until(
        () => room.publishedBy(held.identity),
        (tracks) => tracks?.length === 1,
        'their camera on the server',
      );
      await until(
        () => readVideoElements(presenter.page, '.stage'),
        (videos) => videos.some((v) => v.label.startsWith('Kari Nordmann') && v.frames > 0),
        'their camera to play on the presenter’s page',
      );
      expect(await wasNotReloaded(page)).toBe(true);
      await expectNoAxeViolations(page);

      // Back in the audience: their camera is let go and leaves the stage.
      const onStage = hostPage.getByRole('listitem').filter({ hasText: 'Kari Nordmann' });
      await onStage.getByRole('button', { name: /^Tilbake til publikum/ }).click();
      await page.getByRole('button', { name: 'Rekk opp hånda' }).waitFor();
      await until(
        () => readLocalTracks(page),
        (tracks) => tracks.length > 0 && tracks.every((t) => t.readyState === 'ended'),
        'their camera to be let go',
      );
      await until(
        () => room.publishedBy(held.identity),
        (tracks) => tracks?.length === 0,
        'no tracks of theirs on the server',
      );
      await presenter.page
        .locator('.stage figcaption', { hasText: 'Kari Nordmann' })
        .waitFor({ state: 'detached' });
      expect(await wasNotReloaded(page)).toBe(true);
      await page.close();
    });

    it('disconnects a removed participant within 2 s, and their old token no longer gets them in', async () => {
      // A client that ignores our API holds the connection: only LiveKit's server can send it out.
      const page = await media.newPage();
      await page.goto(room.url(people.ola.joinToken));
      await page.getByRole('button', { name: 'Bli med i webinaret' }).waitFor();
      const held = await tokenFor(page, people.ola.joinToken);
      expect((await holdConnection(page, held.serverUrl, held.token)).connected).toBe(true);
      await until(
        () => room.publishedBy(held.identity),
        (tracks) => tracks !== null,
        'the attendee in the room',
      );
      await page.evaluate(
        (slug) =>
          fetch(`/api/events/${slug}/room/hand`, {
            method: 'POST',
            headers: { authorization: `Bearer ${sessionStorage.getItem(`folkemote:room:${slug}`)}` },
          }),
        people.event.slug,
      );

      const hand = hostPage.getByRole('listitem').filter({ hasText: 'Ola Nordmann' });
      await hand.getByRole('button', { name: /^Fjern fra webinaret/ }).click();
      const confirm = hostPage.getByRole('dialog').getByRole('button', { name: 'Ja, fjern' });
      await confirm.waitFor();
      const removedAt = Date.now();
      await confirm.click();
      const outAfter = await millisecondsUntilGone(held.identity, removedAt);
      expect(outAfter, 'milliseconds from the confirmation to leaving LiveKit’s room').toBeLessThan(2000);
      expect((await readHeldConnection(page)).disconnectReason).toBe('PARTICIPANT_REMOVED');
      // Their page says so, in plain words.
      await page.getByText('Du er fjernet fra webinaret.').waitFor();

      const again = await attemptConnect(page, held.serverUrl, held.token, 10_000);
      expect(again.disconnectReason, JSON.stringify(again)).toBe('PARTICIPANT_REMOVED');
      console.log(
        `removed attendee: out of LiveKit's room ${outAfter} ms after the action; an old token sent out again ${Math.round(again.disconnectedAfterMs ?? -1)} ms after it began to connect`,
      );
      expect(await room.publishedBy(held.identity)).toBeNull();
      await page.close();
    });

    it('disconnects the holder of a revoked staff link within 2 s, and their old token no longer gets them in', async () => {
      const session = await signInForTest(media.url, await createTestOrganiser(media.system));
      // A client that ignores our API: only LiveKit's server can send it out.
      const page = await media.newPage();
      await page.goto(room.url(people.moderator.token));
      await page.getByRole('button', { name: 'Bli med i webinaret' }).waitFor();
      const held = await tokenFor(page, people.moderator.token);
      expect(held.role).toBe('moderator');
      expect((await holdConnection(page, held.serverUrl, held.token)).connected).toBe(true);
      await until(
        () => room.publishedBy(held.identity),
        (tracks) => tracks !== null,
        'the moderator in the room',
      );

      const revokedAt = Date.now();
      const revoked = await fetch(
        `${media.url}/api/organiser/events/${people.event.slug}/staff/${people.moderator.id}`,
        { method: 'DELETE', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } },
      );
      expect(revoked.status).toBe(204);
      const outAfter = await millisecondsUntilGone(held.identity, revokedAt);
      expect(outAfter, 'milliseconds from the revocation to leaving LiveKit’s room').toBeLessThan(2000);
      expect((await readHeldConnection(page)).disconnectReason).toBe('PARTICIPANT_REMOVED');

      const again = await attemptConnect(page, held.serverUrl, held.token, 10_000);
      expect(again.disconnectReason, JSON.stringify(again)).toBe('PARTICIPANT_REMOVED');
      console.log(
        `revoked staff link: out of LiveKit's room ${outAfter} ms after the action; an old token sent out again ${Math.round(again.disconnectedAfterMs ?? -1)} ms after it began to connect`,
      );
      expect(await room.publishedBy(held.identity)).toBeNull();
      await page.close();
    });
  },
);
