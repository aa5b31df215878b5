import {
  createLiveKitControl,
  type LiveKitControl,
  type LiveKitServer,
  liveKitServerBinary,
  startLiveKitServer,
} from '@folkemote/livekit';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveEvent,
  freePort,
  joinAs,
  type LiveEvent,
  roomAction,
  roomViewAs,
} from '../src/testing/index.ts';

const credentials = {
  apiKey: 'APIapitest',
  apiSecret: 'api-test-secret-for-the-real-livekit-server',
};
const binary = liveKitServerBinary();
// In CI bootstrap has built the server, so a missing one fails in beforeAll instead of skipping.
const skip = binary.path || process.env.CI ? undefined : binary.reason;

describe.skipIf(skip !== undefined)(
  `the live room on livekit-server ${binary.version ?? `(${skip ? 'skipped' : 'missing'}: ${binary.reason})`}`,
  () => {
    let livekit: LiveKitServer;
    let system: TestSystem;
    let event: LiveEvent;
    let control: LiveKitControl;

    beforeAll(async () => {
      // LiveKit learns the webhook address at start, so the API's port is chosen first.
      const apiPort = await freePort();
      livekit = await startLiveKitServer({
        ...credentials,
        webhookUrls: [`http://127.0.0.1:${apiPort}/api/webhooks/livekit`],
        autoCreateRooms: false,
        redis: 'private',
      });
      system = await startTestSystem({
        PORT: String(apiPort),
        LIVEKIT_URL: livekit.url,
        LIVEKIT_API_KEY: credentials.apiKey,
        LIVEKIT_API_SECRET: credentials.apiSecret,
      });
      event = await createLiveEvent(system);
      control = createLiveKitControl({ apiUrl: livekit.httpUrl, ...credentials });
    });
    afterAll(async () => {
      await system?.stop();
      await livekit?.stop();
    });

    const roomName = () => `event-${event.id}`;
    /** What LiveKit says when a client connects with the token: "success", or why not. */
    const validate = async (token: string) => {
      const response = await fetch(`${livekit.httpUrl}/rtc/validate?access_token=${token}`);
      return { status: response.status, text: (await response.text()).trim() };
    };
    const webhooksReceived = async () => {
      const { rows } = await system.deps.db.query<{ event: string }>(
        'select event from livekit_webhook_events order by received_at',
      );
      return rows.map((r) => r.event);
    };
    const eventually = async (what: string, check: () => Promise<boolean>) => {
      const deadline = Date.now() + 30_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    it('opens the room on LiveKit, which accepts the join tokens we hand out for it', async () => {
      const opened = await roomAction(system, event.slug, event.hostToken, 'open');
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({ status: 'backstage', mediaServer: 'livekit' });
      await eventually('room_started', async () => (await webhooksReceived()).includes('room_started'));

      const presenter = await joinAs(system, event.slug, event.presenterToken);
      expect(presenter.status).toBe(200);
      expect(presenter.body).toMatchObject({ mediaServer: 'livekit', serverUrl: livekit.url });
      expect(await validate(presenter.body.token)).toEqual({ status: 200, text: 'success' });

      expect((await roomAction(system, event.slug, event.hostToken, 'live')).body.status).toBe('live');
      const attendee = await joinAs(system, event.slug, event.attendeeToken);
      expect(await validate(attendee.body.token)).toEqual({ status: 200, text: 'success' });
    });

    it('keeps the stage for someone not connected, as LiveKit has nobody to update', async () => {
      const attendee = await joinAs(system, event.slug, event.attendeeToken);
      expect((await roomAction(system, event.slug, event.attendeeToken, 'hand')).status).toBe(200);
      const staged = await roomAction(system, event.slug, event.hostToken, 'stage', {
        identity: attendee.body.identity,
        onStage: true,
      });
      expect(staged.status).toBe(200);
      expect(await control.listParticipants(roomName())).toEqual([]);
    });

    it('cannot record without Egress: the host is told the video server did not answer, and nothing stays reserved', async () => {
      // LiveKit waits about 20 s for an egress worker to take the request; the SDK gives up after 10 s.
      const started = await roomAction(system, event.slug, event.hostToken, 'recording/start');
      expect(started.status).toBe(502);
      expect(started.body.error?.code).toBe('livekit_unavailable');
      expect((await roomViewAs(system, event.slug, event.hostToken)).recording.active).toBe(false);
      expect(await control.listEgress({ roomName: roomName() })).toEqual([]);
    });

    it('ends the webinar: LiveKit closes the room, says so, and turns the old tokens away', async () => {
      const presenter = await joinAs(system, event.slug, event.presenterToken);
      const ended = await roomAction(system, event.slug, event.hostToken, 'end');
      expect(ended.body.status).toBe('ended');
      await eventually('room_finished', async () => (await webhooksReceived()).includes('room_finished'));
      // Rooms are not made by a join (room.auto_create is off), so a token for the ended room is useless.
      const refused = await validate(presenter.body.token);
      expect(refused.status).toBe(404);
      expect(refused.text).toMatch(/room does not exist/);
    });
  },
);
