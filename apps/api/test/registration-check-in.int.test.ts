import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApiToken,
  createTestEvent,
  postRegistration,
  registrationBody,
} from '../src/testing/index.ts';

let system: TestSystem;
let token: string;
beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
});
afterAll(async () => {
  await system?.stop();
});

const checkIn = (slug: string, id: string, body: unknown, bearer = token) =>
  fetch(`${system.url}/api/events/${slug}/registrations/${id}/check-in`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const list = async (slug: string) =>
  (
    (await (
      await fetch(`${system.url}/api/events/${slug}/registrations`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { registrations: Array<{ id: string; status: string; checkedInAt: string | null }> }
  ).registrations;

describe('checking registrants in at the door', () => {
  it('ticks a confirmed registrant off and back, and nothing else', async () => {
    const event = await createTestEvent(system.deps.db, {
      capacity: 1,
      mode: 'onsite',
      address: 'Rådhuset, Vik',
    });
    await postRegistration(system.url, event.slug, registrationBody('dor1'));
    await postRegistration(system.url, event.slug, registrationBody('dor2'));
    const [confirmed, waitlisted] = await list(event.slug);
    expect([confirmed!.status, waitlisted!.status]).toEqual(['confirmed', 'waitlisted']);
    expect(confirmed!.checkedInAt).toBeNull();

    const ticked = await checkIn(event.slug, confirmed!.id, { checkedIn: true });
    expect(ticked.status).toBe(200);
    const at = ((await ticked.json()) as { checkedInAt: string }).checkedInAt;
    expect(Date.parse(at)).not.toBeNaN();
    // Ticking again keeps the first time.
    const again = (await (await checkIn(event.slug, confirmed!.id, { checkedIn: true })).json()) as {
      checkedInAt: string;
    };
    expect(again.checkedInAt).toBe(at);
    expect((await list(event.slug))[0]!.checkedInAt).toBe(at);

    const untick = await checkIn(event.slug, confirmed!.id, { checkedIn: false });
    expect(((await untick.json()) as { checkedInAt: null }).checkedInAt).toBeNull();

    // Someone on the waiting list has no seat to be checked in to; bad input changes nothing.
    expect((await checkIn(event.slug, waitlisted!.id, { checkedIn: true })).status).toBe(404);
    expect((await checkIn(event.slug, 'not-a-uuid', { checkedIn: true })).status).toBe(404);
    const bad = await checkIn(event.slug, confirmed!.id, { checkedIn: 'ja' });
    expect(bad.status).toBe(400);
    expect((await list(event.slug))[0]!.checkedInAt).toBeNull();

    // Another organisation's organiser finds no such event.
    const other = await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
    expect((await checkIn(event.slug, confirmed!.id, { checkedIn: true }, other)).status).toBe(404);
    expect((await list(event.slug))[0]!.checkedInAt).toBeNull();
  });
});
