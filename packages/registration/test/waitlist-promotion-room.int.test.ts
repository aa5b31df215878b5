import { findRegistrationById, updateEventRegistrationSettings } from '@folkemote/db';
import { databaseKindsUnderTest, type TestDatabase } from '@folkemote/db/testing';
import type { Attendance } from '@folkemote/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelRegistration,
  createRegistration,
  promoteWaitlisted,
  type RegistrationDeps,
} from '../src/index.ts';
import {
  openRegistrationFixture,
  publishedEvent,
  type RegistrationFixture,
} from './support/registration-fixture.ts';

const kinds = await databaseKindsUnderTest();

describe.each(kinds)('promotion from the waiting list of a hybrid event (%s)', (kind) => {
  let fixture: RegistrationFixture;
  let database: TestDatabase;
  let deps: RegistrationDeps;
  beforeAll(async () => {
    fixture = await openRegistrationFixture(kind);
    ({ database, deps } = fixture);
  });
  afterAll(() => fixture?.close());

  const hybridEvent = (settings: { capacity: number | null; roomCapacity: number | null }) =>
    publishedEvent(database, new Date(Date.now() + 72 * 3600_000), {
      mode: 'hybrid',
      address: 'Rådhuset, Bodø',
      waitlistEnabled: true,
      ...settings,
    });
  let n = 0;
  const register = async (slug: string, attendance: Attendance) => {
    n += 1;
    const r = await createRegistration(deps, slug, {
      name: `Person ${n}`,
      email: `hybrid-${kind}-${n}@example.no`,
      consent: true,
      attendance,
    });
    return r;
  };
  const statusOf = async (id: string) => (await findRegistrationById(database.db, id))?.status;

  it('promotes someone coming in person only while the room has a seat, and an online registrant past them', async () => {
    const event = await hybridEvent({ capacity: 3, roomCapacity: 2 });
    const inRoom = await register(event.slug, 'in_person');
    const online1 = await register(event.slug, 'online');
    const online2 = await register(event.slug, 'online');
    // The event is full; the room has one seat left, so in-person registrants may still wait.
    const waitingInPerson1 = await register(event.slug, 'in_person');
    const waitingInPerson2 = await register(event.slug, 'in_person');
    const waitingOnline = await register(event.slug, 'online');
    expect([waitingInPerson1, waitingInPerson2, waitingOnline].map((r) => r.status)).toEqual([
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);

    // A seat frees up and the room has one: the first in the queue, in person, gets it.
    expect((await cancelRegistration(deps, online1.id)).promotedId).toBe(waitingInPerson1.id);
    // Another seat, but the room is full now: the next in person keeps their place, online goes past.
    expect((await cancelRegistration(deps, online2.id)).promotedId).toBe(waitingOnline.id);
    expect(await statusOf(waitingInPerson2.id)).toBe('waitlisted');
    // A seat in the room frees up with the event's seat: the one waiting in person gets both.
    expect((await cancelRegistration(deps, inRoom.id)).promotedId).toBe(waitingInPerson2.id);
    const { rows } = await database.db.query<{ n: number }>(
      `select count(*)::int as n from registrations
       where event_id = $1 and status = 'confirmed' and attendance = 'in_person'`,
      [event.id],
    );
    expect(rows[0]!.n).toBe(2);
  });

  it('keeps the room’s limit when the capacity comes to apply to the room only', async () => {
    const event = await hybridEvent({ capacity: 2, roomCapacity: 1 });
    await register(event.slug, 'online');
    await register(event.slug, 'online');
    const inPerson1 = await register(event.slug, 'in_person');
    const inPerson2 = await register(event.slug, 'in_person');
    const online = await register(event.slug, 'online');
    expect([inPerson1, inPerson2, online].map((r) => r.status)).toEqual([
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);

    // No limit on the event any more, only on the room: online is unlimited, the room takes one.
    await updateEventRegistrationSettings(database.db, event.id, { capacity: null });
    expect(await promoteWaitlisted(deps, event.id)).toEqual([inPerson1.id, online.id]);
    expect(await statusOf(inPerson2.id)).toBe('waitlisted');
  });

  it('promotes in person as before where the capacity is the whole event’s and the room has none of its own', async () => {
    const event = await hybridEvent({ capacity: 1, roomCapacity: null });
    const online = await register(event.slug, 'online');
    const inPerson = await register(event.slug, 'in_person');
    expect(inPerson.status).toBe('waitlisted');
    expect((await cancelRegistration(deps, online.id)).promotedId).toBe(inPerson.id);
  });
});
