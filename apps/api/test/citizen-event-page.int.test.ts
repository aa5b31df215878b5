import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApiToken,
  createTestEvent,
  postRegistration,
  registrationBody,
} from '../src/testing/index.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ REGISTRATION_RATE_LIMIT: '1000' });
});
afterAll(async () => {
  await system?.stop();
});

const publicEvent = async (slug: string) => {
  const response = await fetch(`${system.url}/api/events/${slug}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};

describe('the public event as its pages show it', () => {
  it('carries the description rendered by the shared renderer, as safe HTML and as plain text', async () => {
    const event = await createTestEvent(system.deps.db);
    await system.deps.db.query('update events set description = $2 where id = $1', [
      event.id,
      'Vi legger fram **samfunnsdelen**.\n\n- Bakgrunn\n- Hovedgrep\n\n<script>alert(1)</script>',
    ]);
    const view = await publicEvent(event.slug);
    expect(view.descriptionHtml).toContain('<strong>samfunnsdelen</strong>');
    expect(view.descriptionHtml).toContain('<li>Bakgrunn</li>');
    expect(view.descriptionHtml).not.toContain('<script>');
    expect(view.descriptionText).toBe(
      'Vi legger fram samfunnsdelen.\n\n• Bakgrunn\n• Hovedgrep\n\n<script>alert(1)</script>',
    );
    const list = (await (await fetch(`${system.url}/api/events`)).json()) as {
      events: Array<Record<string, unknown>>;
    };
    expect(list.events.find((e) => e.slug === event.slug)?.descriptionText).toBe(view.descriptionText);
  });

  it('says whether the event has taken place', async () => {
    const coming = await createTestEvent(system.deps.db);
    const past = await createTestEvent(system.deps.db, {}, { startsInHours: -5 });
    expect(await publicEvent(coming.slug)).toMatchObject({ hasEnded: false, replayUrl: null });
    expect(await publicEvent(past.slug)).toMatchObject({ hasEnded: true, registrationState: 'closed' });
  });

  it('has taken place once its live room ended, and then offers no waiting list', async () => {
    const event = await createTestEvent(
      system.deps.db,
      { capacity: 1, waitlistEnabled: true },
      { startsInHours: -0.5 },
    );
    await system.deps.db.query(`update events set confirmed_count = 1 where id = $1`, [event.id]);
    expect(await publicEvent(event.slug)).toMatchObject({ hasEnded: false, registrationState: 'waitlist' });
    await system.deps.db.query(
      `insert into live_rooms (event_id, room_name, status, ended_at) values ($1, $2, 'ended', now())`,
      [event.id, `event-${event.id}`],
    );
    expect(await publicEvent(event.slug)).toMatchObject({ hasEnded: true, registrationState: 'closed' });
  });

  it('links its published replay', async () => {
    const event = await createTestEvent(system.deps.db, { recorded: true }, { startsInHours: -5 });
    const { rows } = await system.deps.db.query<{ id: string }>(
      `insert into recordings (event_id, title, state, source_key, organisation_id, published_at)
       select $1, 'Opptak', 'published', 'sources/x', organisation_id, now() from events where id = $1 returning id`,
      [event.id],
    );
    const recordingId = rows[0]!.id;
    expect(await publicEvent(event.slug)).toMatchObject({ replayUrl: null });
    const version = await system.deps.db.query<{ id: string }>(
      `insert into recording_versions (recording_id, kind, state, prefix) values ($1, 'full', 'public', 'v/1') returning id`,
      [recordingId],
    );
    await system.deps.db.query('update recordings set published_version_id = $2 where id = $1', [
      recordingId,
      version.rows[0]!.id,
    ]);
    // Processed but held for review: not linked until an organiser publishes it.
    expect(await publicEvent(event.slug)).toMatchObject({ replayUrl: null });
    await system.deps.db.query(`update recordings set publication = 'public' where id = $1`, [recordingId]);
    const view = await publicEvent(event.slug);
    expect(view.replayUrl).toMatch(new RegExp(`/replays/${recordingId}/index\\.html$`));
  });
});

describe('the calendar entry', () => {
  it("gives a published event's calendar entry, with nobody's data, and none for a draft", async () => {
    const event = await createTestEvent(system.deps.db, { mode: 'onsite', address: 'Rådhuset, Storgata 1' });
    await system.deps.db.query('update events set description = $2 where id = $1', [
      event.id,
      'Vi legger fram **samfunnsdelen**.',
    ]);
    const response = await fetch(`${system.url}/api/events/${event.slug}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${event.slug}.ics"`);
    const ics = await response.text();
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain(`UID:event-${event.id}@localhost`);
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Oslo:\d{8}T\d{6}\r\n/);
    expect(ics).toContain('LOCATION:Rådhuset\\, Storgata 1');
    expect(ics).toContain('DESCRIPTION;LANGUAGE=nb:Vi legger fram samfunnsdelen.');
    expect(ics).not.toContain('**');
    expect(ics).not.toContain('ATTENDEE');

    await system.deps.db.query(`update events set status = 'draft' where id = $1`, [event.id]);
    expect((await fetch(`${system.url}/api/events/${event.slug}/calendar.ics`)).status).toBe(404);
    expect((await fetch(`${system.url}/api/events/Not_A_Slug/calendar.ics`)).status).toBe(400);
  });
});

describe('a hybrid event', () => {
  it('asks each registrant how they take part, and shows the organiser the counts of each', async () => {
    const organiserToken = await createTestApiToken(system);
    const event = await createTestEvent(system.deps.db, { mode: 'hybrid', address: 'Rådhuset' });
    const missing = await postRegistration(system.url, event.slug, registrationBody('hybrid-0'));
    expect(missing.status).toBe(400);
    expect(
      ((await missing.json()) as { error: { fields: Record<string, string[]> } }).error.fields,
    ).toHaveProperty('attendance');
    const wrong = await postRegistration(
      system.url,
      event.slug,
      registrationBody('hybrid-0', { attendance: 'by-post' }),
    );
    expect(wrong.status).toBe(400);

    const choices = ['in_person', 'in_person', 'online'] as const;
    const created: Array<{ joinUrl: string }> = [];
    for (const [i, attendance] of choices.entries()) {
      const response = await postRegistration(
        system.url,
        event.slug,
        registrationBody(`hybrid-${i + 1}`, { attendance }),
      );
      expect(response.status).toBe(201);
      created.push((await response.json()) as { joinUrl: string });
    }
    const own = await fetch(`${system.url}/api/registrations/me`, {
      headers: { authorization: `Bearer ${created[2]!.joinUrl.split('/p/')[1]}` },
    });
    expect(((await own.json()) as { registration: { attendance: string } }).registration.attendance).toBe(
      'online',
    );

    const list = async () =>
      (await (
        await fetch(`${system.url}/api/events/${event.slug}/registrations`, {
          headers: { authorization: `Bearer ${organiserToken}` },
        })
      ).json()) as { attendance: Record<string, number> | null };
    expect((await list()).attendance).toEqual({ in_person: 2, online: 1 });

    // A cancelled registration no longer counts.
    await fetch(`${system.url}/api/registrations/me/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created[0]!.joinUrl.split('/p/')[1]}` },
    });
    expect((await list()).attendance).toEqual({ in_person: 1, online: 1 });
  });

  it('stores no attendance for an event that is not hybrid, and shows no counts', async () => {
    const organiserToken = await createTestApiToken(system);
    const event = await createTestEvent(system.deps.db);
    const response = await postRegistration(
      system.url,
      event.slug,
      registrationBody('online-only', { attendance: 'in_person' }),
    );
    expect(response.status).toBe(201);
    const { rows } = await system.deps.db.query<{ attendance: string | null }>(
      'select attendance from registrations where event_id = $1',
      [event.id],
    );
    expect(rows).toEqual([{ attendance: null }]);
    const list = (await (
      await fetch(`${system.url}/api/events/${event.slug}/registrations`, {
        headers: { authorization: `Bearer ${organiserToken}` },
      })
    ).json()) as { attendance: unknown };
    expect(list.attendance).toBeNull();
  });
});

describe('a hybrid event whose capacity is the room', () => {
  it('takes in-person registrations while the room has seats, then online ones only (PGlite)', async () => {
    await fillTheRoom(system);
  });

  it('refuses a room capacity for an event that is not hybrid', async () => {
    const organiserToken = await createTestApiToken(system);
    const event = await createTestEvent(system.deps.db);
    const response = await fetch(`${system.url}/api/events/${event.slug}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${organiserToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roomCapacity: 10 }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: Record<string, string[]> } };
    expect(body.error.fields.roomCapacity).toEqual(['is for hybrid events only']);
  });
});

/** Three in person at once for a room of two, then online, then a freed seat: on the system given. */
async function fillTheRoom(sys: TestSystem) {
  const event = await createTestEvent(sys.deps.db, {
    mode: 'hybrid',
    address: 'Rådhuset',
    roomCapacity: 2,
  });
  const register = (n: string, attendance: string) =>
    postRegistration(sys.url, event.slug, registrationBody(`room-${n}`, { attendance }));
  // Three in person at once for two seats: exactly two get in, the third is told the room is full.
  const burst = await Promise.all(['a', 'b', 'c'].map((n) => register(n, 'in_person')));
  expect(burst.map((r) => r.status).sort()).toEqual([201, 201, 409]);
  const refused = burst.find((r) => r.status === 409)!;
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('room_full');
  // Online is not counted against the room.
  expect((await register('d', 'online')).status).toBe(201);
  expect(await publicEventOn(sys, event.slug)).toMatchObject({
    roomCapacity: 2,
    roomSeatsLeft: 0,
    seatsLeft: null,
  });
  // A cancelled in-person registration frees its seat in the room.
  const { rows } = await sys.deps.db.query<{ id: string }>(
    `select id from registrations where event_id = $1 and attendance = 'in_person' limit 1`,
    [event.id],
  );
  await sys.deps.db.query(`update registrations set status = 'cancelled' where id = $1`, [rows[0]!.id]);
  expect(await publicEventOn(sys, event.slug)).toMatchObject({ roomSeatsLeft: 1 });
  expect((await register('e', 'in_person')).status).toBe(201);
  expect((await register('f', 'in_person')).status).toBe(409);
}

async function publicEventOn(sys: TestSystem, slug: string) {
  return (await (await fetch(`${sys.url}/api/events/${slug}`)).json()) as Record<string, unknown>;
}

describe('the room on PostgreSQL', () => {
  let postgres: TestSystem;
  beforeAll(async () => {
    postgres = await startTestSystem({ REGISTRATION_RATE_LIMIT: '1000' }, { database: 'postgres' });
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  it('takes in-person registrations while the room has seats, then online ones only', async () => {
    await fillTheRoom(postgres);
  });
});
