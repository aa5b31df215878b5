import type { RoomView } from '@folkemote/domain';
import { roomChangeChannel } from '@folkemote/queue';
import { registerForTest, startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAs,
  createLiveEvent,
  joinAs,
  type LiveEvent,
  roomAction,
  roomViewAs,
  until,
} from '../src/testing/index.ts';

let system: TestSystem;
let event: LiveEvent;
beforeAll(async () => {
  system = await startTestSystem();
  event = await createLiveEvent(system);
});
afterAll(async () => {
  await system?.stop();
});

const roomName = () => `event-${event.id}`;
const participant = (identity: string) =>
  system.liveKitStandIn!.participants(roomName()).find((p) => p.identity === identity);

/** Reads server-sent `room` events from the room stream, one at a time. */
async function openRoomStream(token: string) {
  const abort = new AbortController();
  const response = await fetch(`${system.url}/api/events/${event.slug}/room`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(): Promise<RoomView> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.startsWith('event: room\n')) continue;
          return JSON.parse(block.slice(block.indexOf('data: ') + 6)) as RoomView;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('The room stream ended');
        buffer += value;
      }
    },
    close: () => abort.abort(),
  };
}

describe('hands and the stage', () => {
  it('refuses hands before the webinar is live, and to anyone but attendees', async () => {
    expect((await roomAction(system, event.slug, event.hostToken, 'open')).status).toBe(200);
    expect((await roomAction(system, event.slug, event.attendeeToken, 'hand')).body.error?.code).toBe(
      'room_not_live',
    );
    expect((await roomAction(system, event.slug, event.hostToken, 'live')).status).toBe(200);
    expect((await roomAction(system, event.slug, event.moderatorToken, 'hand')).status).toBe(403);
  });

  it('brings a hand-raised attendee on stage, where LiveKit lets them publish, and back', async () => {
    const channel = roomChangeChannel(system.deps.config.redis.queuePrefix, event.id);
    const joined = await joinAs(system, event.slug, event.attendeeToken);
    const identity = joined.body.identity;
    const client = await system.liveKitStandIn!.join(joined.body.token);
    const stream = await openRoomStream(event.hostToken);
    try {
      expect((await stream.next()).hands).toEqual([]);
      expect(await system.deps.redis.pubsub('NUMSUB', channel)).toEqual([channel, 1]);

      const raised = await roomAction(system, event.slug, event.attendeeToken, 'hand');
      expect(raised.status).toBe(200);
      expect(raised.body.me).toMatchObject({ role: 'attendee', handRaised: true, onStage: false });
      expect(raised.body.hands).toEqual([]); // an attendee sees no one else's hand
      expect(participant(identity)?.attributes.handRaised).toBe('true');

      const seen = await stream.next();
      expect(seen.hands).toEqual([{ identity, displayName: 'Kari Nordmann', raisedAt: expect.any(String) }]);
      expect(
        (await roomViewAs(system, event.slug, event.moderatorToken)).hands.map((h) => h.identity),
      ).toEqual([identity]);

      const onStage = await roomAction(system, event.slug, event.hostToken, 'stage', {
        identity,
        onStage: true,
      });
      expect(onStage.status).toBe(200);
      expect(onStage.body.hands).toEqual([]);
      expect(onStage.body.stage).toContainEqual({ identity, displayName: 'Kari Nordmann', role: 'attendee' });
      expect(participant(identity)?.permission?.canPublish).toBe(true);
      expect(participant(identity)?.attributes.handRaised).toBeUndefined();
      const camera = client.publishTrack('camera');
      expect(camera.sid).toMatch(/^TR_/);
      const streamed = await until(
        () => stream.next(),
        (view) => view.stage.some((s) => s.identity === identity),
        'the stream to show the attendee on stage',
      );
      expect(streamed.hands).toEqual([]);
      expect((await roomViewAs(system, event.slug, event.attendeeToken)).me).toMatchObject({
        onStage: true,
        handRaised: false,
      });

      const back = await roomAction(system, event.slug, event.moderatorToken, 'stage', {
        identity,
        onStage: false,
      });
      expect(back.status).toBe(200);
      expect(back.body.stage.map((s) => s.identity)).not.toContain(identity);
      expect(participant(identity)?.permission?.canPublish).toBe(false);
      expect(participant(identity)?.tracks).toEqual([]);
      expect(() => client.publishTrack('camera')).toThrow(/not allowed/);
    } finally {
      stream.close();
      client.leave();
    }
    // The closed stream no longer listens: this instance leaves the event's channel.
    await until(
      async () => ((await system.deps.redis.pubsub('NUMSUB', channel)) as [string, number])[1],
      (subscribers) => subscribers === 0,
      'the room channel to lose its subscriber',
    );
  });

  it('keeps the stage in our database for someone not connected, and gives it to them when they connect', async () => {
    const other = await registerForTest(system.url, event.slug, {
      name: 'Ola Nordmann',
      email: 'ola@example.no',
    });
    const joined = await joinAs(system, event.slug, other.joinToken);
    const identity = joined.body.identity;
    expect(participant(identity)).toBeUndefined();
    const raised = await callAs(system, other.joinToken, 'POST', `/api/events/${event.slug}/room/hand`);
    expect(raised.status).toBe(200);
    const lowered = await callAs<RoomView>(
      system,
      other.joinToken,
      'DELETE',
      `/api/events/${event.slug}/room/hand`,
    );
    expect(lowered.body.me.handRaised).toBe(false);

    const promoted = await roomAction(system, event.slug, event.hostToken, 'stage', {
      identity,
      onStage: true,
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.stage.map((s) => s.identity)).toContain(identity);

    // A fresh token is an attendee's, as always; the join webhook hands the stage back.
    const token = (await joinAs(system, event.slug, other.joinToken)).body.token;
    const client = await system.liveKitStandIn!.join(token);
    try {
      await until(
        async () => participant(identity)?.permission?.canPublish,
        (canPublish) => canPublish === true,
        'the stage permission to be restored on join',
      );
      expect(client.publishTrack('microphone').sid).toMatch(/^TR_/);
    } finally {
      client.leave();
    }

    const unknown = await roomAction(system, event.slug, event.hostToken, 'stage', {
      identity: 'reg_nobody',
      onStage: true,
    });
    expect(unknown.status).toBe(404);
    const invalid = await roomAction(system, event.slug, event.hostToken, 'stage', {
      identity,
      onStage: 'yes',
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error?.fields ?? {})).toEqual(['onStage']);
  });

  it('lets a moderator remove an attendee but not a host', async () => {
    // The organiser's API token joins without a link: through the Bearer header, as a host.
    const host = (
      await callAs<{ identity: string }>(
        system,
        event.hostToken,
        'POST',
        `/api/events/${event.slug}/join`,
        {},
      )
    ).body.identity;
    const refused = await roomAction(system, event.slug, event.moderatorToken, 'remove', { identity: host });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('cannot_remove_host');

    const other = await registerForTest(system.url, event.slug);
    const { identity } = (await joinAs(system, event.slug, other.joinToken)).body;
    expect((await roomAction(system, event.slug, event.moderatorToken, 'remove', { identity })).status).toBe(
      200,
    );
    const again = await joinAs(system, event.slug, other.joinToken);
    expect(again.status).toBe(403);
    expect(again.body.error?.code).toBe('removed_from_room');
  });
});

describe('a cancelled event', () => {
  it('has no room to open or join', async () => {
    const cancelled = await createLiveEvent(system);
    await system.deps.db.query(`update events set status = 'cancelled' where id = $1`, [cancelled.id]);
    const open = await roomAction(system, cancelled.slug, cancelled.hostToken, 'open');
    expect(open.status).toBe(409);
    expect(open.body.error?.code).toBe('event_cancelled');
    const join = await joinAs(system, cancelled.slug, cancelled.presenterToken);
    expect(join.status).toBe(409);
    expect(join.body.error?.code).toBe('event_cancelled');
  });
});
