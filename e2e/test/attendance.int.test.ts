import { updateEventRegistrationSettings } from '@folkemote/db';
import {
  callAs,
  createLiveEvent,
  createTestApiToken,
  createTestStaffLink,
  joinAs,
  type LiveEvent,
  postWebhook,
  registerForTest,
  roomAction,
  signWebhook,
  startTestSystem,
  type TestSystem,
  until,
} from '@folkemote/system/testing';
import { jobRegistry, type WorkerDeps } from '@folkemote/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: TestSystem;
let event: LiveEvent;
let ola: { id: string; joinToken: string };
let per: { id: string; joinToken: string };
let lise: { id: string; joinToken: string };
let presenterIdentity: string;
/** A whole minute two hours ago: the event's stays are laid out from here. */
const t0 = Math.floor((Date.now() - 2 * 3600_000) / 60_000) * 60_000;
const minute = (m: number) => new Date(t0 + m * 60_000).toISOString();
const seconds = (m: number) => `${Math.floor((t0 + m * 60_000) / 1000)}`;

beforeAll(async () => {
  system = await startTestSystem();
  event = await createLiveEvent(system);
  ola = await registerForTest(system.url, event.slug, { name: 'Ola Nordmann', email: 'ola@example.no' });
  per = await registerForTest(system.url, event.slug, { name: 'Per Hansen', email: 'per@example.no' });
  lise = await registerForTest(system.url, event.slug, { name: 'Lise Berg', email: 'lise@example.no' });
  const presenter = await createTestStaffLink(system, event, 'presenter');
  presenterIdentity = `staff_${presenter.id}`;
  expect((await roomAction(system, event.slug, event.hostToken, 'open')).status).toBe(200);
  // Webhooks in these tests come from the test itself, not from the stand-in.
  system.liveKitStandIn!.setWebhookUrls([]);
});
afterAll(async () => {
  await system?.stop();
});

/** A participant or room event as LiveKit serialises it (protojson; int64 as strings). */
/** `joinedAt`: LiveKit's joining time, which the leaving carries too (the moment itself without it). */
function webhook(id: string, kind: string, at: number, identity?: string, joinedAt = at): string {
  const room = { name: `event-${event.id}` };
  const participant = identity ? { identity, joinedAt: seconds(joinedAt), state: 'ACTIVE' } : undefined;
  return JSON.stringify({
    event: kind,
    room,
    ...(participant ? { participant } : {}),
    id,
    createdAt: seconds(at),
  });
}

async function send(body: string): Promise<{ status: number; repeated: unknown }> {
  const answer = await postWebhook(system, body, signWebhook(body, system.deps.config.livekit));
  return { status: answer.status, repeated: answer.body.repeated };
}

interface Report {
  counts: { registered: number; attended: number; replayViews: null; replayViewsNote: string };
  registrants: {
    registrationId: string;
    name: string;
    attended: boolean;
    firstJoinedAt: string | null;
    totalMinutes: number;
  }[];
}

const report = async () =>
  (await callAs<Report>(system, event.hostToken, 'GET', `/api/events/${event.slug}/attendance`)).body;
const lineOf = (r: Report, id: string) => r.registrants.find((l) => l.registrationId === id);

async function sessionsOf(registrationId: string): Promise<number> {
  const { rows } = await system.deps.db.query<{ n: number }>(
    'select count(*)::int as n from room_attendance_sessions where registration_id = $1',
    [registrationId],
  );
  return rows[0]!.n;
}

describe('attendance in the live room', () => {
  it('keeps each stay from signed webhooks, once per webhook id, a rejoin as a new stay', async () => {
    const kari = `reg_${event.attendeeRegistrationId}`;
    const joined = webhook('EV_att_j1', 'participant_joined', 0, kari);
    expect(await send(joined)).toEqual({ status: 200, repeated: false });
    // LiveKit retries a delivery it thinks failed: the same id changes nothing.
    expect(await send(joined)).toEqual({ status: 200, repeated: true });
    expect(await send(webhook('EV_att_l1', 'participant_left', 10, kari, 0))).toEqual({
      status: 200,
      repeated: false,
    });
    expect(await send(webhook('EV_att_j2', 'participant_joined', 20, kari))).toEqual({
      status: 200,
      repeated: false,
    });
    expect(await send(webhook('EV_att_l2', 'participant_left', 45, kari, 20))).toEqual({
      status: 200,
      repeated: false,
    });
    // Ola joins and no leaving ever comes: the room's finishing ends his stay.
    expect((await send(webhook('EV_att_j3', 'participant_joined', 5, `reg_${ola.id}`))).status).toBe(200);
    // Staff are not registrants: nothing is kept of them.
    expect((await send(webhook('EV_att_j4', 'participant_joined', 1, presenterIdentity))).status).toBe(200);
    // Lise's leaving is delivered before her joining (a retry overtaken): both name the same stay.
    const lisesLeaving = webhook('EV_att_l3', 'participant_left', 40, `reg_${lise.id}`, 30);
    expect((await send(lisesLeaving)).status).toBe(200);
    expect((await send(webhook('EV_att_j6', 'participant_joined', 30, `reg_${lise.id}`))).status).toBe(200);
    expect((await send(webhook('EV_att_f1', 'room_finished', 65))).status).toBe(200);

    expect(await sessionsOf(event.attendeeRegistrationId)).toBe(2);
    const r = await report();
    expect(r.counts).toEqual({
      registered: 4,
      attended: 3,
      replayViews: null,
      replayViewsNote: 'not_counted',
    });
    expect(lineOf(r, event.attendeeRegistrationId)).toMatchObject({
      name: 'Kari Nordmann',
      attended: true,
      firstJoinedAt: minute(0),
      totalMinutes: 35,
    });
    expect(lineOf(r, ola.id)).toMatchObject({ attended: true, firstJoinedAt: minute(5), totalMinutes: 60 });
    expect(lineOf(r, per.id)).toMatchObject({ attended: false, firstJoinedAt: null, totalMinutes: 0 });
    expect(await sessionsOf(lise.id)).toBe(1);
    expect(lineOf(r, lise.id)).toMatchObject({ attended: true, firstJoinedAt: minute(30), totalMinutes: 10 });
  });

  it('exports the attendance as CSV for Excel in the organiser’s language', async () => {
    const path = `/api/events/${event.slug}/attendance?format=csv&lang=nn`;
    const response = await fetch(`${system.url}${path}`, {
      headers: { authorization: `Bearer ${event.hostToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(`${event.slug}-attendance.csv`);
    // Read as bytes: text() would drop the byte-order mark Excel needs.
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF"Namn";"E-post";"Deltok";"Først med";"Minutt i alt"\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines.find((l) => l.includes('Ola Nordmann'))).toMatch(
      /^"Ola Nordmann";"ola@example\.no";"Ja";"\d{4}-\d\d-\d\d \d\d:\d\d";"60"$/,
    );
    expect(lines.find((l) => l.includes('Per Hansen'))).toBe('"Per Hansen";"per@example.no";"Nei";"";"0"');
    const unknownFormat = await callAs(
      system,
      event.hostToken,
      'GET',
      `/api/events/${event.slug}/attendance?format=xml`,
    );
    expect(unknownFormat.status).toBe(400);
  });

  it('ends the stays still open when the host ends the room', async () => {
    expect((await send(webhook('EV_att_j5', 'participant_joined', 70, `reg_${per.id}`))).status).toBe(200);
    expect((await roomAction(system, event.slug, event.hostToken, 'end')).status).toBe(200);
    const { rows } = await system.deps.db.query<{ closed: boolean }>(
      `select s.left_at = r.ended_at as closed from room_attendance_sessions s
       join live_rooms r on r.event_id = s.event_id where s.registration_id = $1`,
      [per.id],
    );
    expect(rows).toEqual([{ closed: true }]);
    expect(lineOf(await report(), per.id)?.attended).toBe(true);
  });

  it('refuses another organisation’s event', async () => {
    const other = await createTestApiToken(system, { slug: 'annenkommune', name: 'Annen kommune' });
    const answer = await callAs(system, other, 'GET', `/api/events/${event.slug}/attendance`);
    expect(answer.status).toBe(404);
    const anonymous = await fetch(`${system.url}/api/events/${event.slug}/attendance`);
    expect(anonymous.status).toBe(401);
  });

  it('deletes a registrant’s stays with their data, and everyone’s with the retention', async () => {
    expect((await callAs(system, event.attendeeToken, 'DELETE', '/api/registrations/me')).status).toBe(200);
    expect(await sessionsOf(event.attendeeRegistrationId)).toBe(0);
    const after = await report();
    expect(lineOf(after, event.attendeeRegistrationId)).toBeUndefined();
    expect(after.counts.attended).toBe(3);

    await updateEventRegistrationSettings(system.deps.db, event.id, { retentionDays: 0 });
    await system.deps.db.query(
      `update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' where id = $1`,
      [event.id],
    );
    const retention = jobRegistry['registration.retention'];
    const workerDeps = { ...system.deps, mail: null } as unknown as WorkerDeps;
    await retention.handle(workerDeps, {}, {} as Parameters<typeof retention.handle>[2]);
    const { rows } = await system.deps.db.query<{ n: number }>(
      'select count(*)::int as n from room_attendance_sessions where event_id = $1',
      [event.id],
    );
    expect(rows[0]!.n).toBe(0);
    expect((await report()).registrants).toEqual([]);
  });
});

describe('attendance from the LiveKit stand-in’s own webhooks', () => {
  it('records a stay as LiveKit serialises the joining and the leaving', async () => {
    system.liveKitStandIn!.setWebhookUrls([`${system.url}/api/webhooks/livekit`]);
    const live = await createLiveEvent(system);
    expect((await roomAction(system, live.slug, live.hostToken, 'open')).status).toBe(200);
    expect((await roomAction(system, live.slug, live.hostToken, 'live')).status).toBe(200);
    const joined = await joinAs(system, live.slug, live.attendeeToken);
    expect(joined.status).toBe(200);
    const client = await system.liveKitStandIn!.join(joined.body.token);
    const stays = () =>
      system.deps.db
        .query<{ left: boolean }>(
          'select left_at is not null as left from room_attendance_sessions where registration_id = $1',
          [live.attendeeRegistrationId],
        )
        .then((r) => r.rows);
    await until(stays, (rows) => rows.length === 1, 'the joining to be recorded');
    client.leave();
    expect(await until(stays, (rows) => rows[0]?.left === true, 'the leaving to be recorded')).toEqual([
      { left: true },
    ]);
    const report = await callAs<Report>(system, live.hostToken, 'GET', `/api/events/${live.slug}/attendance`);
    expect(report.body.counts.attended).toBe(1);
  });
});
