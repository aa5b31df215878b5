import { countRegistrations } from '@folkemote/db';
import { databaseKindsUnderTest } from '@folkemote/db/testing';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvent, postRegistration, registrationBody } from '../src/testing/index.ts';

const kinds = await databaseKindsUnderTest();

describe.each(kinds)('1,000 registrations at once for 100 seats (%s)', (kind) => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ REGISTRATION_RATE_LIMIT: '1000000' }, { database: kind });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('confirms exactly 100 and puts exactly 900 on the waiting list', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 100, waitlistEnabled: true });
    const responses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => postRegistration(system.url, event.slug, registrationBody(i))),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ status: string }>;
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(bodies.filter((b) => b.status === 'confirmed')).toHaveLength(100);
    expect(bodies.filter((b) => b.status === 'waitlisted')).toHaveLength(900);
    expect(await countRegistrations(system.deps.db, event.id)).toEqual({
      confirmed: 100,
      waitlisted: 900,
      cancelled: 0,
    });
    const view = (await (await fetch(`${system.url}/api/events/${event.slug}`)).json()) as {
      seatsLeft: number;
      registrationState: string;
    };
    expect(view).toMatchObject({ seatsLeft: 0, registrationState: 'waitlist' });
  });

  it('gives one seat to the same address sent many times at once', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 5, waitlistEnabled: false });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => postRegistration(system.url, event.slug, registrationBody('samme'))),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ id: string }>;
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(await countRegistrations(system.deps.db, event.id)).toEqual({
      confirmed: 1,
      waitlisted: 0,
      cancelled: 0,
    });
  });
});
