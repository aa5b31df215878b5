import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveEvent,
  createTestEvent,
  postRegistration,
  registerForTest,
  registrationBody,
  roomAction,
} from '../src/testing/index.ts';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system?.stop();
});

const over = { code: 'event_over', message: 'The event has taken place, and registration is closed' };

async function endRoom(slug: string, hostToken: string): Promise<void> {
  expect((await roomAction(system, slug, hostToken, 'open')).status).toBe(200);
  expect((await roomAction(system, slug, hostToken, 'end')).status).toBe(200);
}

describe('registration once the event has taken place', () => {
  it('refuses a registration after the live room has ended, before the planned end', async () => {
    const event = await createLiveEvent(system);
    expect((await postRegistration(system.url, event.slug, registrationBody('for-slutt'))).status).toBe(201);
    await endRoom(event.slug, event.hostToken);

    const late = await postRegistration(system.url, event.slug, registrationBody('etter-slutt'));
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: over });
    // The same address again takes the path under the event's lock: the same refusal.
    const again = await postRegistration(system.url, event.slug, registrationBody('for-slutt'));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: over });
    const { rows } = await system.deps.db.query<{ n: number }>(
      'select count(*)::int as n from registrations where event_id = $1',
      [event.id],
    );
    expect(rows[0]!.n).toBe(2);
  });

  it('refuses a place on the waiting list after the live room has ended', async () => {
    const event = await createLiveEvent(system);
    await system.deps.db.query('update events set capacity = 1, waitlist_enabled = true where id = $1', [
      event.id,
    ]);
    const waiting = await registerForTest(system.url, event.slug);
    expect(waiting.status).toBe('waitlisted');
    await endRoom(event.slug, event.hostToken);

    const late = await postRegistration(system.url, event.slug, registrationBody('venteliste-etter'));
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: over });
  });

  it('gives the same reason once the planned end has passed, and keeps a cancelled event’s own', async () => {
    const past = await createTestEvent(system.deps.db, {}, { startsInHours: -3 });
    const late = await postRegistration(system.url, past.slug, registrationBody('etter-planlagt-slutt'));
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: over });

    const cancelled = await createTestEvent(system.deps.db, { status: 'cancelled' }, { startsInHours: -3 });
    const toCancelled = await postRegistration(system.url, cancelled.slug, registrationBody('avlyst-fortid'));
    expect(await toCancelled.json()).toMatchObject({ error: { code: 'event_cancelled' } });
  });
});
