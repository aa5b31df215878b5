import { updateEventRegistrationSettings } from '@folkemote/db';
import { createLiveKitControl, type LiveKitControl, StandInClientError } from '@folkemote/livekit';
import {
  callAs,
  createLiveEvent,
  createTestStaffLink,
  joinAs,
  type LiveEvent,
  registerForTest,
  roomAction,
  startTestSystem,
  type TestSystem,
} from '@folkemote/system/testing';
import { jobRegistry, type WorkerDeps } from '@folkemote/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: TestSystem;
let livekit: LiveKitControl;
beforeAll(async () => {
  system = await startTestSystem({ REGISTRATION_RATE_LIMIT: '1000' });
  // What LiveKit holds is read through its server API, as against a real server.
  livekit = createLiveKitControl(system.deps.config.livekit);
});
afterAll(async () => {
  await system?.stop();
});

/** A LiveKit client connected with the token our API gave (the stand-in plays the client's part). */
async function connect(slug: string, linkToken: string) {
  const joined = await joinAs(system, slug, linkToken);
  expect(joined.status).toBe(200);
  const client = await system.liveKitStandIn!.join(joined.body.token);
  return { client, token: joined.body.token, identity: joined.body.identity };
}

async function liveEvent(): Promise<LiveEvent> {
  const event = await createLiveEvent(system);
  expect((await roomAction(system, event.slug, event.hostToken, 'open')).status).toBe(200);
  expect((await roomAction(system, event.slug, event.hostToken, 'live')).status).toBe(200);
  return event;
}

async function attendee(event: LiveEvent, name: string) {
  const registered = await registerForTest(system.url, event.slug, {
    name,
    email: `${name.toLowerCase().replace(/\s/g, '.')}-${event.slug}@example.no`,
  });
  return { ...(await connect(event.slug, registered.joinToken)), linkToken: registered.joinToken };
}

const connected = async (event: LiveEvent) =>
  (await livekit.listParticipants(`event-${event.id}`)).map((p) => p.identity);

/** Reads until `done`, for at most 10 s: a removal that did not happen fails the test quickly. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const gone = (event: LiveEvent, identity: string, what: string) =>
  eventually(
    () => connected(event),
    (identities) => !identities.includes(identity),
    what,
  );

const refusedCode = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StandInClientError);
    return (error as StandInClientError).code;
  }
  return 'allowed';
};

describe('attendees in LiveKit', () => {
  it('are invisible to each other, while LiveKit still lists them for the server', async () => {
    const event = await liveEvent();
    const presenter = await connect(event.slug, event.presenterToken);
    presenter.client.publishTrack('camera');
    const kari = await connect(event.slug, event.attendeeToken);
    const ola = await attendee(event, 'Ola Nordmann');

    expect(kari.client.remoteParticipants().map((p) => p.identity)).toEqual([presenter.identity]);
    expect(ola.client.remoteParticipants().map((p) => p.identity)).toEqual([presenter.identity]);
    expect(presenter.client.remoteParticipants()).toEqual([]);
    expect((await connected(event)).sort()).toEqual([presenter.identity, kari.identity, ola.identity].sort());
  });

  it('cannot rename themselves or set their own hand; the hand goes through our API', async () => {
    const event = await liveEvent();
    const kari = await connect(event.slug, event.attendeeToken);
    expect(refusedCode(() => kari.client.setAttributes({ handRaised: 'true' }))).toBe('permission_denied');
    expect(refusedCode(() => kari.client.publishData())).toBe('permission_denied');

    expect((await roomAction(system, event.slug, event.attendeeToken, 'hand')).status).toBe(200);
    const listed = await livekit.listParticipants(`event-${event.id}`);
    expect(listed.find((p) => p.identity === kari.identity)?.attributes.handRaised).toBe('true');
  });

  it('shows an attendee brought on stage to everyone, and hides them again when sent back', async () => {
    const event = await liveEvent();
    const presenter = await connect(event.slug, event.presenterToken);
    const kari = await connect(event.slug, event.attendeeToken);
    const ola = await attendee(event, 'Ola Nordmann');

    const stage = (onStage: boolean) =>
      roomAction(system, event.slug, event.hostToken, 'stage', { identity: kari.identity, onStage });
    expect((await stage(true)).status).toBe(200);
    const camera = kari.client.publishTrack('camera');
    const seen = ola.client.remoteParticipants().find((p) => p.identity === kari.identity);
    expect(seen?.tracks.map((t) => t.sid)).toEqual([camera.sid]);
    expect(presenter.client.remoteParticipants().map((p) => p.identity)).toEqual([kari.identity]);

    expect((await stage(false)).status).toBe(200);
    expect(kari.client.info().permission).toMatchObject({ canPublish: false, hidden: true });
    // The camera went away in everyone's sight; then she was hidden again.
    expect(ola.client.remoteParticipants().find((p) => p.identity === kari.identity)?.tracks).toEqual([]);
    const late = await attendee(event, 'Per Sen');
    expect(late.client.remoteParticipants().map((p) => p.identity)).toEqual([presenter.identity]);
  });
});

describe('a withdrawn right reaches LiveKit', () => {
  it('removes a presenter whose link is revoked, and again when they come back with the token they had', async () => {
    const event = await liveEvent();
    const link = await createTestStaffLink(system, event, 'presenter', 'Pia Presentatør');
    const presenter = await connect(event.slug, link.token);
    presenter.client.publishTrack('camera');

    const revoked = await callAs(
      system,
      event.hostToken,
      'DELETE',
      `/api/organiser/events/${event.slug}/staff/${link.id}`,
    );
    expect(revoked.status).toBe(204);
    await gone(event, presenter.identity, 'the revoked presenter to leave LiveKit');
    expect(refusedCode(() => presenter.client.publishTrack('microphone'))).toBe('not_found');

    // LiveKit lets the old token in again; the participant_joined webhook has them removed.
    const back = await system.liveKitStandIn!.join(presenter.token);
    await gone(event, presenter.identity, 'the old token’s connection to be removed');
    expect(refusedCode(() => back.info())).toBe('not_found');
  });

  it('removes an attendee who cancels, and one who deletes their data, and keeps their tokens out', async () => {
    const event = await liveEvent();
    const cancelling = await attendee(event, 'Anne Avbud');
    const deleting = await attendee(event, 'Dag Sletting');
    const staying = await attendee(event, 'Siri Blir');

    const cancelled = await callAs(system, cancelling.linkToken, 'POST', '/api/registrations/me/cancel');
    expect(cancelled.status).toBe(200);
    await gone(event, cancelling.identity, 'the cancelled attendee to leave LiveKit');
    const deleted = await callAs(system, deleting.linkToken, 'DELETE', '/api/registrations/me');
    expect(deleted.status).toBe(200);
    await gone(event, deleting.identity, 'the deleted registrant to leave LiveKit');

    for (const person of [cancelling, deleting]) {
      await system.liveKitStandIn!.join(person.token);
      await gone(event, person.identity, 'the old token’s connection to be removed');
    }
    expect(await connected(event)).toContain(staying.identity);
  });

  it('empties the room when the event is cancelled, and keeps the old tokens out', async () => {
    const event = await liveEvent();
    const presenter = await connect(event.slug, event.presenterToken);
    const kari = await connect(event.slug, event.attendeeToken);

    const cancelled = await callAs(system, event.hostToken, 'POST', `/api/events/${event.slug}/cancel`);
    expect(cancelled.status).toBe(200);
    await eventually(
      () => connected(event),
      (identities) => identities.length === 0,
      'everyone to leave LiveKit',
    );

    await system.liveKitStandIn!.join(kari.token);
    await system.liveKitStandIn!.join(presenter.token);
    await eventually(
      () => connected(event),
      (identities) => identities.length === 0,
      'the old tokens’ connections to be removed',
    );
  });

  it('keeps someone removed from the room out when they come back with the token they had', async () => {
    const event = await liveEvent();
    const ola = await attendee(event, 'Ola Fjernet');
    const removed = await roomAction(system, event.slug, event.moderatorToken, 'remove', {
      identity: ola.identity,
    });
    expect(removed.status).toBe(200);
    await gone(event, ola.identity, 'the removed attendee to leave LiveKit');
    await system.liveKitStandIn!.join(ola.token);
    await gone(event, ola.identity, 'the old token’s connection to be removed');
  });

  it('removes the registrants still connected when the retention run deletes their data', async () => {
    const event = await liveEvent();
    const presenter = await connect(event.slug, event.presenterToken);
    const kari = await connect(event.slug, event.attendeeToken);
    // The room was never ended, and the event's data is kept for no days after it.
    await updateEventRegistrationSettings(system.deps.db, event.id, { retentionDays: 0 });
    await system.deps.db.query(
      `update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours'
       where id = $1`,
      [event.id],
    );

    const retention = jobRegistry['registration.retention'];
    const workerDeps = { ...system.deps, mail: null } as unknown as WorkerDeps;
    await retention.handle(workerDeps, {}, {} as Parameters<typeof retention.handle>[2]);
    expect(await connected(event)).toEqual([presenter.identity]);
    await system.liveKitStandIn!.join(kari.token);
    await gone(event, kari.identity, 'the old token’s connection to be removed');
  });
});
