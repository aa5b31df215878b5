import { StandInClientError } from '@folkemote/livekit';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAs,
  createLiveEvent,
  decodeJwt,
  joinAs,
  type LiveEvent,
  roomAction,
  roomViewAs,
} from '../src/testing/index.ts';

let system: TestSystem;
let event: LiveEvent;
beforeAll(async () => {
  system = await startTestSystem({ LIVEKIT_TOKEN_TTL_S: '120' });
  event = await createLiveEvent(system);
});
afterAll(async () => {
  await system?.stop();
});

describe('joining the live room', () => {
  it('lets staff in once the backstage is open and attendees only once it is live', async () => {
    expect((await joinAs(system, event.slug, event.presenterToken)).body.error?.code).toBe('room_not_open');
    expect((await joinAs(system, event.slug, event.attendeeToken)).body.error?.code).toBe('room_not_live');

    const opened = await roomAction(system, event.slug, event.hostToken, 'open');
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'backstage', mediaServer: 'stand-in', me: { role: 'host' } });
    expect(system.liveKitStandIn!.rooms().map((r) => r.name)).toEqual([`event-${event.id}`]);

    const early = await joinAs(system, event.slug, event.attendeeToken);
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('room_not_live');
    expect((await joinAs(system, event.slug, event.presenterToken)).status).toBe(200);

    expect((await roomAction(system, event.slug, event.hostToken, 'live')).body.status).toBe('live');
    expect((await joinAs(system, event.slug, event.attendeeToken)).status).toBe(200);
  });

  it('gives an attendee a short-lived, hidden token that may watch and nothing more', async () => {
    const { status, body } = await joinAs(system, event.slug, event.attendeeToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      role: 'attendee',
      identity: `reg_${event.attendeeRegistrationId}`,
      displayName: 'Kari Nordmann',
      mediaServer: 'stand-in',
      serverUrl: system.liveKitStandIn!.wsUrl,
    });
    const claims = decodeJwt(body.token);
    expect(claims.sub).toBe(`reg_${event.attendeeRegistrationId}`);
    expect(claims.name).toBe('Kari Nordmann');
    expect(claims.exp - claims.nbf).toBe(120);
    expect(claims.video).toMatchObject({
      room: `event-${event.id}`,
      roomJoin: true,
      canPublish: false,
      canPublishData: false,
      canSubscribe: true,
      canUpdateOwnMetadata: false,
      hidden: true,
    });

    const client = await system.liveKitStandIn!.join(body.token);
    try {
      expect(() => client.publishTrack('camera')).toThrow(StandInClientError);
      expect(() => client.publishTrack('microphone')).toThrow(/not allowed/);
      expect(() => client.publishData()).toThrow(/not allowed/);
    } finally {
      client.leave();
    }
  });

  it('gives a presenter a token that publishes camera, microphone and screen', async () => {
    const { body } = await joinAs(system, event.slug, event.presenterToken);
    expect(body.role).toBe('presenter');
    const claims = decodeJwt(body.token);
    expect(claims.video.canPublish).toBe(true);
    expect(claims.video.canPublishSources).toEqual(
      expect.arrayContaining(['camera', 'microphone', 'screen_share']),
    );
    const client = await system.liveKitStandIn!.join(body.token);
    try {
      expect(client.publishTrack('camera').sid).toMatch(/^TR_/);
      expect(client.publishTrack('microphone').sid).toMatch(/^TR_/);
      expect(client.publishTrack('screen_share').sid).toMatch(/^TR_/);
    } finally {
      client.leave();
    }
  });

  it('takes the role from the link alone, whatever else the body says', async () => {
    const { status, body } = await joinAs(system, event.slug, event.attendeeToken, {
      role: 'host',
      identity: 'org_someone',
      displayName: 'Ordføreren',
      name: 'Ordføreren',
      grants: { canPublish: true },
    });
    expect(status).toBe(200);
    expect(body.role).toBe('attendee');
    expect(body.identity).toBe(`reg_${event.attendeeRegistrationId}`);
    const claims = decodeJwt(body.token);
    expect(claims.sub).toBe(`reg_${event.attendeeRegistrationId}`);
    expect(claims.name).toBe('Kari Nordmann');
    expect(claims.video.canPublish).toBe(false);
  });

  it('refuses unknown links and bad input with clear errors', async () => {
    expect((await joinAs(system, event.slug, 'not-a-token')).status).toBe(401);
    const bad = await callAs(system, event.hostToken, 'POST', `/api/events/${event.slug}/join`, {
      joinToken: 42,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields?.joinToken).toBeDefined();
    expect((await joinAs(system, 'no-such-event', event.attendeeToken)).status).toBe(404);
  });
});

describe('moderation through the API', () => {
  it('refuses every admin action to an attendee with 403 and changes nothing', async () => {
    const attendee = `reg_${event.attendeeRegistrationId}`;
    const before = await roomViewAs(system, event.slug, event.hostToken);
    for (const [action, body] of [
      ['open', undefined],
      ['live', undefined],
      ['end', undefined],
      ['recording/start', undefined],
      ['recording/stop', undefined],
      ['stage', { identity: attendee, onStage: true }],
      ['remove', { identity: attendee }],
      ['mute', { identity: attendee, trackSid: 'TR_abc' }],
    ] as const) {
      const answer = await roomAction(system, event.slug, event.attendeeToken, action, body);
      expect(answer.status, action).toBe(403);
    }
    expect(await roomViewAs(system, event.slug, event.hostToken)).toEqual(before);
    expect(system.liveKitStandIn!.egress()).toEqual([]);
  });

  it('lets a moderator mute a presenter’s track and remove an attendee, who cannot come back', async () => {
    const presenter = await joinAs(system, event.slug, event.presenterToken);
    const presenterClient = await system.liveKitStandIn!.join(presenter.body.token);
    const microphone = presenterClient.publishTrack('microphone');
    const muted = await roomAction(system, event.slug, event.moderatorToken, 'mute', {
      identity: presenter.body.identity,
      trackSid: microphone.sid,
    });
    expect(muted.status).toBe(200);
    expect(presenterClient.info().tracks.find((t) => t.sid === microphone.sid)?.muted).toBe(true);

    const noTrack = await roomAction(system, event.slug, event.moderatorToken, 'mute', {
      identity: presenter.body.identity,
      trackSid: 'TR_missing',
    });
    expect(noTrack.body.error?.code).toBe('track_not_found');

    const invalid = await roomAction(system, event.slug, event.moderatorToken, 'mute', { identity: 'x y' });
    expect(invalid.status).toBe(400);

    const attendee = await joinAs(system, event.slug, event.attendeeToken);
    const attendeeClient = await system.liveKitStandIn!.join(attendee.body.token);
    expect(attendeeClient.info().identity).toBe(attendee.body.identity);
    const removed = await roomAction(system, event.slug, event.moderatorToken, 'remove', {
      identity: attendee.body.identity,
    });
    expect(removed.status).toBe(200);
    const inRoom = system.liveKitStandIn!.participants(`event-${event.id}`).map((p) => p.identity);
    expect(inRoom).not.toContain(attendee.body.identity);
    expect(inRoom).toContain(presenter.body.identity);
    const again = await joinAs(system, event.slug, event.attendeeToken);
    expect(again.status).toBe(403);
    expect(again.body.error?.code).toBe('removed_from_room');
    presenterClient.leave();
  });

  it('ends the webinar: the LiveKit room is closed and nobody gets a new token', async () => {
    const ended = await roomAction(system, event.slug, event.presenterToken, 'end');
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    expect(ended.body.endedAt).not.toBeNull();
    expect(system.liveKitStandIn!.rooms()).toEqual([]);
    expect((await joinAs(system, event.slug, event.presenterToken)).body.error?.code).toBe('room_ended');
    expect((await roomAction(system, event.slug, event.hostToken, 'open')).body.error?.code).toBe(
      'room_ended',
    );
  });
});
