import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, createLiveEvent, openSse, registerForTest, until } from '../src/testing/index.ts';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system?.stop();
});

describe('the room’s audience', () => {
  it('tells staff how many attendees have the room open, counting an attendee once, and nobody else', async () => {
    const event = await createLiveEvent(system);
    const other = await registerForTest(system.url, event.slug);
    const url = `${system.url}/api/events/${event.slug}/room`;
    const watching = async (token: string) =>
      callAs<{ watching?: number }>(system, token, 'GET', `/api/events/${event.slug}/room/audience`);
    expect((await watching(event.hostToken)).body).toEqual({ watching: 0 });

    const open = (token: string) => openSse(url, { authorization: `Bearer ${token}` });
    const first = await open(event.attendeeToken);
    const secondTab = await open(event.attendeeToken);
    const second = await open(other.joinToken);
    const staff = await open(event.moderatorToken);
    try {
      await Promise.all(
        [first, secondTab, second, staff].map((s) => s.waitFor((e) => e.some((x) => x.event === 'room'))),
      );
      expect((await watching(event.moderatorToken)).body).toEqual({ watching: 2 });
      expect((await watching(event.presenterToken)).body).toEqual({ watching: 2 });
      const refused = await watching(event.attendeeToken);
      expect(refused.status).toBe(403);

      await second.close();
      await until(
        () => watching(event.hostToken),
        (r) => r.body.watching === 1,
        'one watching',
      );
      await first.close();
      // Still one: the same attendee's other tab is open.
      expect((await watching(event.hostToken)).body).toEqual({ watching: 1 });
      await secondTab.close();
      await until(
        () => watching(event.hostToken),
        (r) => r.body.watching === 0,
        'none watching',
      );
    } finally {
      for (const s of [first, secondTab, second, staff]) await s.close();
    }
  });
});
