import { updateEventRegistrationSettings } from '@folkemote/db';
import {
  callAs,
  createLiveEvent,
  type LiveEvent,
  postRegistration,
  postWebhook,
  roomAction,
  signWebhook,
  startTestSystem,
  type TestSystem,
} from '@folkemote/system/testing';
import { jobRegistry, type WorkerDeps } from '@folkemote/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: TestSystem;
let event: LiveEvent;
const t0 = Math.floor((Date.now() - 2 * 3600_000) / 60_000) * 60_000;
const seconds = (m: number) => `${Math.floor((t0 + m * 60_000) / 1000)}`;

beforeAll(async () => {
  system = await startTestSystem();
  event = await createLiveEvent(system);
  // A hybrid event: the room on site, and online.
  await system.deps.db.query(`update events set mode = 'hybrid', address = 'Rådhuset, Bodø' where id = $1`, [
    event.id,
  ]);
  expect((await roomAction(system, event.slug, event.hostToken, 'open')).status).toBe(200);
  system.liveKitStandIn!.setWebhookUrls([]);
});
afterAll(async () => {
  await system?.stop();
});

async function register(n: string, attendance: 'in_person' | 'online'): Promise<string> {
  const response = await postRegistration(system.url, event.slug, {
    name: `Oppmøte ${n}`,
    email: `oppmote-${n}@example.no`,
    consent: true,
    attendance,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function send(id: string, kind: string, at: number, identity?: string, joinedAt = at): Promise<void> {
  const participant = identity ? { identity, joinedAt: seconds(joinedAt), state: 'ACTIVE' } : undefined;
  const body = JSON.stringify({
    event: kind,
    room: { name: `event-${event.id}` },
    ...(participant ? { participant } : {}),
    id,
    createdAt: seconds(at),
  });
  expect((await postWebhook(system, body, signWebhook(body, system.deps.config.livekit))).status).toBe(200);
}

interface Report {
  counts: Record<string, unknown>;
  byAttendance: { registered: Record<string, number>; attended: Record<string, number> } | null;
  registrants: unknown[];
}
const report = async () =>
  (await callAs<Report>(system, event.hostToken, 'GET', `/api/events/${event.slug}/attendance`)).body;
const registrationsList = async () =>
  (
    await callAs<{ counts: unknown; attendance: unknown }>(
      system,
      event.hostToken,
      'GET',
      `/api/events/${event.slug}/registrations`,
    )
  ).body;

describe('attendance counts after the retention', () => {
  it('keeps registered, attended, in the room and online when the registrants’ data goes', async () => {
    const inRoom = await register('sal-1', 'in_person');
    await register('sal-2', 'in_person');
    const online1 = await register('nett-1', 'online');
    await register('nett-2', 'online');
    // One at the door, two in the live room (Kari, of the fixture, took part without being asked how).
    const ticked = await callAs(
      system,
      event.hostToken,
      'PUT',
      `/api/events/${event.slug}/registrations/${inRoom}/check-in`,
      { checkedIn: true },
    );
    expect(ticked.status).toBe(200);
    await send('EV_ret_j1', 'participant_joined', 0, `reg_${online1}`);
    await send('EV_ret_l1', 'participant_left', 30, `reg_${online1}`, 0);
    await send('EV_ret_j2', 'participant_joined', 5, `reg_${event.attendeeRegistrationId}`);
    await send('EV_ret_f1', 'room_finished', 60);

    const before = await report();
    expect(before.counts).toEqual({
      registered: 5,
      attended: 2,
      replayViews: null,
      replayViewsNote: 'not_counted',
    });
    expect(before.byAttendance).toEqual({
      registered: { in_person: 2, online: 2 },
      attended: { in_person: 1, online: 1 },
    });
    expect(before.registrants).toHaveLength(5);
    const listBefore = await registrationsList();

    await updateEventRegistrationSettings(system.deps.db, event.id, { retentionDays: 0 });
    await system.deps.db.query(
      `update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' where id = $1`,
      [event.id],
    );
    const retention = jobRegistry['registration.retention'];
    const workerDeps = { ...system.deps, mail: null } as unknown as WorkerDeps;
    await retention.handle(workerDeps, {}, {} as Parameters<typeof retention.handle>[2]);

    const after = await report();
    expect(after.counts).toEqual(before.counts);
    expect(after.byAttendance).toEqual(before.byAttendance);
    expect(after.registrants).toEqual([]);
    expect(await registrationsList()).toMatchObject({
      counts: (listBefore as { counts: unknown }).counts,
      attendance: { in_person: 2, online: 2 },
    });
    // Nothing personal is left: no registration, no stay in the room, no name or address anywhere.
    const { rows } = await system.deps.db.query<{ registrations: number; stays: number }>(
      `select (select count(*)::int from registrations where event_id = $1) as registrations,
         (select count(*)::int from room_attendance_sessions where event_id = $1) as stays`,
      [event.id],
    );
    expect(rows[0]).toEqual({ registrations: 0, stays: 0 });
    const { rows: tallies } = await system.deps.db.query(
      'select * from attendance_tallies where event_id = $1',
      [event.id],
    );
    expect(JSON.stringify(tallies)).not.toMatch(/Oppmøte|oppmote-|Kari|example\.no/);
    expect(Object.keys(tallies[0] as object).sort()).toEqual([
      'attended',
      'attended_in_person',
      'attended_online',
      'event_id',
      'registered_in_person',
      'registered_online',
      'updated_at',
    ]);

    // A second run of the retention counts nothing twice.
    await retention.handle(workerDeps, {}, {} as Parameters<typeof retention.handle>[2]);
    expect((await report()).counts).toEqual(before.counts);
  });
});
