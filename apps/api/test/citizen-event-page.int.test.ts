import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../src/testing.ts';
import { createTestEvent } from './support/registration-fixtures.ts';

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
