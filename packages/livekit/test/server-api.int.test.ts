import { randomUUID } from 'node:crypto';
import { EgressClient, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveKitControl,
  DataPacket_Kind,
  type LiveKitControl,
  LiveKitError,
  toLiveKitError,
} from '../src/index.ts';
import { apiToken, twirp } from './support/api-token.ts';
import { type ContractTarget, describeOnEachTarget, TEST_CREDENTIALS } from './support/contract-target.ts';
import { startWebhookInbox, type WebhookInbox } from './support/webhook-inbox.ts';

async function failure(promise: Promise<unknown>): Promise<LiveKitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => toLiveKitError(e),
  );
  expect(error).toBeInstanceOf(LiveKitError);
  return error as LiveKitError;
}

describeOnEachTarget('LiveKit server API contract', (kind) => {
  let target: ContractTarget;
  let control: LiveKitControl;
  let rooms: RoomServiceClient;
  let inbox: WebhookInbox;
  const created: string[] = [];
  const roomName = () => {
    const name = `contract-${randomUUID()}`;
    created.push(name);
    return name;
  };

  beforeAll(async () => {
    inbox = await startWebhookInbox(TEST_CREDENTIALS);
    target = await kind.start({ webhookUrls: [inbox.url] });
    control = createLiveKitControl({
      apiUrl: target.url,
      apiKey: target.apiKey,
      apiSecret: target.apiSecret,
    });
    rooms = new RoomServiceClient(target.url, target.apiKey, target.apiSecret);
  });
  afterAll(async () => {
    for (const name of created) await control?.deleteRoom(name).catch(() => undefined);
    await target?.close();
    await inbox?.close();
  });

  describe('authentication', () => {
    it('answers a request without Authorization with Twirp JSON "permissions denied"', async () => {
      const answer = await twirp(target.url, 'livekit.RoomService/ListRooms', {}, undefined);
      expect(answer.status).toBe(401);
      expect(answer.contentType).toBe('application/json');
      expect(JSON.parse(answer.text)).toEqual({ code: 'unauthenticated', msg: 'permissions denied' });
    });

    it('answers a header without "Bearer " with a plain-text 401', async () => {
      const token = await apiToken(target, { roomList: true });
      const answer = await twirp(target.url, 'livekit.RoomService/ListRooms', {}, token);
      expect(answer.status).toBe(401);
      expect(answer.contentType).not.toBe('application/json');
      expect(answer.text).toMatch(/Bearer/);
    });

    it('answers an unknown API key with a plain-text 401', async () => {
      const token = await apiToken(
        { apiKey: 'APIunknownkey', apiSecret: target.apiSecret },
        { roomList: true },
      );
      const answer = await twirp(target.url, 'livekit.RoomService/ListRooms', {}, `Bearer ${token}`);
      expect(answer.status).toBe(401);
      expect(answer.contentType).not.toBe('application/json');
      expect(answer.text).toMatch(/APIunknownkey/);
    });

    it('answers a bad signature with a plain-text 401', async () => {
      const token = await apiToken(
        { apiKey: target.apiKey, apiSecret: 'a-different-secret-of-the-right-length' },
        { roomList: true },
      );
      const answer = await twirp(target.url, 'livekit.RoomService/ListRooms', {}, `Bearer ${token}`);
      expect(answer.status).toBe(401);
      expect(answer.contentType).not.toBe('application/json');
    });

    it('answers an expired token with a plain-text 401', async () => {
      const token = await apiToken(target, { roomList: true }, -600);
      const answer = await twirp(target.url, 'livekit.RoomService/ListRooms', {}, `Bearer ${token}`);
      expect(answer.status).toBe(401);
      expect(answer.contentType).not.toBe('application/json');
    });

    it('reports a wrong secret to callers as LiveKitError unauthenticated', async () => {
      const wrong = createLiveKitControl({
        apiUrl: target.url,
        apiKey: target.apiKey,
        apiSecret: 'a-different-secret-of-the-right-length',
      });
      const error = await failure(wrong.listEgress());
      expect(error.code).toBe('unauthenticated');
      expect(error.status).toBe(401);
    });
  });

  describe('grants', () => {
    it('refuses CreateRoom without roomCreate', async () => {
      const token = await apiToken(target, { roomList: true, roomAdmin: true, room: 'x' });
      const answer = await twirp(
        target.url,
        'livekit.RoomService/CreateRoom',
        { name: roomName() },
        `Bearer ${token}`,
      );
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text)).toEqual({ code: 'unauthenticated', msg: 'permissions denied' });
    });

    it('refuses participant methods when roomAdmin is for another room', async () => {
      const name = roomName();
      await control.createRoom(name);
      const token = await apiToken(target, { roomAdmin: true, room: `${name}-other` });
      const answer = await twirp(
        target.url,
        'livekit.RoomService/ListParticipants',
        { room: name },
        `Bearer ${token}`,
      );
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text)).toEqual({ code: 'unauthenticated', msg: 'permissions denied' });
    });

    it('refuses participant methods with a room but without roomAdmin', async () => {
      const name = roomName();
      const token = await apiToken(target, { room: name, roomCreate: true, roomList: true });
      const answer = await twirp(
        target.url,
        'livekit.RoomService/ListParticipants',
        { room: name },
        `Bearer ${token}`,
      );
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text).msg).toBe('permissions denied');
    });

    it('refuses Egress methods without roomRecord', async () => {
      const token = await apiToken(target, { roomCreate: true, roomList: true });
      const answer = await twirp(target.url, 'livekit.Egress/ListEgress', {}, `Bearer ${token}`);
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text)).toEqual({ code: 'unauthenticated', msg: 'permissions denied' });
    });
  });

  describe('rooms', () => {
    it('creates a room, finds it in the list and deletes it', async () => {
      const name = roomName();
      const room = await control.createRoom(name, { emptyTimeout: 120, metadata: '{"event":"x"}' });
      expect(room.sid).toMatch(/^RM_/);
      expect(room.name).toBe(name);
      expect(room.emptyTimeout).toBe(120);
      expect(room.metadata).toBe('{"event":"x"}');
      expect(room.creationTime).toBeGreaterThan(1_600_000_000n);

      const listed = await rooms.listRooms([name]);
      expect(listed.map((r) => r.sid)).toEqual([room.sid]);

      await control.deleteRoom(name);
      expect(await rooms.listRooms([name])).toEqual([]);
    });

    it('returns the existing room when CreateRoom names it again', async () => {
      const name = roomName();
      const first = await control.createRoom(name);
      const second = await control.createRoom(name);
      expect(second.sid).toBe(first.sid);
    });

    it('keeps the settings of the existing room when CreateRoom names it again with others', async () => {
      const name = roomName();
      await control.createRoom(name, { emptyTimeout: 60, metadata: 'first' });
      const again = await control.createRoom(name, { emptyTimeout: 90, metadata: 'second' });
      expect(again).toMatchObject({ emptyTimeout: 60, metadata: 'first' });
      expect((await rooms.listRooms([name]))[0]).toMatchObject({ emptyTimeout: 60, metadata: 'first' });
    });

    it('tells the webhook when a room starts and when DeleteRoom finishes it', async () => {
      const name = roomName();
      const room = await control.createRoom(name);
      const started = await inbox.waitFor(
        (e) => e.event === 'room_started' && e.room?.name === name,
        'room_started',
      );
      expect(started.room?.sid).toBe(room.sid);
      expect(started.id).toMatch(/^EV_/);
      await control.deleteRoom(name);
      const finished = await inbox.waitFor(
        (e) => e.event === 'room_finished' && e.room?.name === name,
        'room_finished',
      );
      expect(finished.room?.sid).toBe(room.sid);
      expect(Number(finished.createdAt)).toBeGreaterThanOrEqual(Number(started.createdAt));
      expect(inbox.rejected).toBe(0);
    });

    it('answers snake_case with defaults present and accepts snake_case requests', async () => {
      const name = roomName();
      const token = await apiToken(target, { roomCreate: true });
      const answer = await twirp(
        target.url,
        'livekit.RoomService/CreateRoom',
        { name, empty_timeout: 90, max_participants: 7 },
        `Bearer ${token}`,
      );
      expect(answer.status).toBe(200);
      const room = JSON.parse(answer.text);
      expect(room).toMatchObject({ name, empty_timeout: 90, max_participants: 7, num_participants: 0 });
      expect(typeof room.creation_time).toBe('string');
      expect(room.metadata).toBe('');
      // Go's protojson writes an unset message as null.
      expect(room.version).toBeNull();
      expect(room.turn_password).toMatch(/^[A-Za-z0-9]{40,44}$/);
      expect(room.enabled_codecs.map((c: { mime: string }) => c.mime)).toEqual([
        'audio/PCMU',
        'audio/PCMA',
        'audio/opus',
        'audio/red',
        'video/VP8',
        'video/H264',
        'video/VP9',
        'video/AV1',
        'video/H265',
        'video/rtx',
      ]);
    });

    it('answers an unknown method with bad_route naming the route', async () => {
      const token = await apiToken(target, { roomList: true });
      const answer = await twirp(target.url, 'livekit.RoomService/NoSuchMethod', {}, `Bearer ${token}`);
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.text)).toEqual({
        code: 'bad_route',
        msg: 'no handler for path "/twirp/livekit.RoomService/NoSuchMethod"',
        meta: { twirp_invalid_route: 'POST /twirp/livekit.RoomService/NoSuchMethod' },
      });
    });

    it('answers requests for a participant who is not there as LiveKit routes them', async () => {
      const name = roomName();
      await control.createRoom(name);
      for (const call of [
        () => rooms.getParticipant(name, 'nobody'),
        () => rooms.updateParticipant(name, 'nobody', { attributes: { a: '1' } }),
        () => rooms.removeParticipant(name, 'nobody'),
      ]) {
        const error = await failure(call());
        expect(error.code).toBe('not_found');
        expect(error.message).toBe('twirp error unknown: participant does not exist');
      }
      // MutePublishedTrack goes to the participant's node and SendData to the room's; with nobody
      // there, nobody answers.
      const mute = await failure(control.muteTrack(name, 'nobody', 'TR_nothing'));
      expect(mute.code).toBe('unavailable');
      expect(mute.status).toBe(503);
      expect(mute.message).toBe('twirp error unknown: no response from servers');
      const data = await failure(
        rooms.sendData(`${name}-gone`, new TextEncoder().encode('x'), DataPacket_Kind.RELIABLE, {}),
      );
      expect(data.code).toBe('unavailable');
      expect(data.message).toBe('twirp error unknown: no response from servers');
    });

    it('treats deleting a room that is gone as done, while the raw call is not_found', async () => {
      const name = roomName();
      await expect(control.deleteRoom(name)).resolves.toBeUndefined();
      const error = await failure(rooms.deleteRoom(name));
      expect(error.code).toBe('not_found');
      expect(error.status).toBe(404);
    });

    it('answers not_found with exact JSON Content-Type and LiveKit messages', async () => {
      const name = roomName();
      await control.createRoom(name);
      const token = await apiToken(target, { roomAdmin: true, room: name });
      const answer = await twirp(
        target.url,
        'livekit.RoomService/GetParticipant',
        { room: name, identity: 'nobody' },
        `Bearer ${token}`,
      );
      expect(answer.status).toBe(404);
      expect(answer.contentType).toBe('application/json');
      expect(JSON.parse(answer.text)).toEqual({
        code: 'not_found',
        msg: 'twirp error unknown: participant does not exist',
      });

      const missingRoom = await failure(
        control.startRoomRecording(`${name}-missing`, {
          filepath: 'x.mp4',
          s3: { accessKey: 'a', secret: 'b', region: 'us-east-1', bucket: 'raw', forcePathStyle: true },
        }),
      );
      expect(missingRoom.code).toBe('not_found');
      expect(missingRoom.message).toBe('twirp error unknown: requested room does not exist');
    });

    it('lists no participants for an empty room, nor for one that does not exist', async () => {
      const name = roomName();
      await control.createRoom(name);
      expect(await control.listParticipants(name)).toEqual([]);
      expect(await control.listParticipants(`${name}-gone`)).toEqual([]);
    });

    it('updates room metadata and takes data for a room with nobody in it', async () => {
      const name = roomName();
      await control.createRoom(name);
      const updated = await rooms.updateRoomMetadata(name, '{"stage":"live"}');
      expect(updated.metadata).toBe('{"stage":"live"}');
      expect((await rooms.listRooms([name]))[0]?.metadata).toBe('{"stage":"live"}');
      await expect(
        rooms.sendData(name, new TextEncoder().encode('{"type":"qa"}'), DataPacket_Kind.RELIABLE, {
          topic: 'qa',
        }),
      ).resolves.toBeUndefined();
      const missing = await failure(rooms.updateRoomMetadata(`${name}-gone`, 'x'));
      expect(missing.code).toBe('not_found');
      expect(missing.message).toBe('twirp error unknown: requested room does not exist');
    });
  });

  describe('egress', () => {
    it('lists egress, with and without the active filter', async () => {
      const egress = new EgressClient(target.url, target.apiKey, target.apiSecret);
      const all = await egress.listEgress({});
      const active = await control.listEgress({ active: true });
      expect(Array.isArray(all)).toBe(true);
      expect(active.every((e) => e.status <= 2)).toBe(true);
    });

    it('answers StopEgress for an unknown egress with not_found', async () => {
      const error = await failure(control.stopEgress('EG_doesnotexist'));
      expect(error.code).toBe('not_found');
      expect(error.message).toBe('twirp error unknown: egress does not exist');
    });

    it('answers ListEgress in snake_case with the unset page token as null', async () => {
      const token = await apiToken(target, { roomRecord: true });
      const answer = await twirp(
        target.url,
        'livekit.Egress/ListEgress',
        { room_name: roomName() },
        `Bearer ${token}`,
      );
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ items: [], next_page_token: null });
    });
  });
});
