import { randomUUID } from 'node:crypto';
import type { EventRole } from '@folkemote/domain';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveKitControl,
  createParticipantToken,
  DataPacket_Kind,
  type LiveKitControl,
  type LiveKitStandIn,
  StandInClientError,
  TrackSource,
  toLiveKitError,
} from '../src/index.ts';
import { startStandIn, TEST_CREDENTIALS } from './support/contract-target.ts';
import { startWebhookInbox, type WebhookInbox } from './support/webhook-inbox.ts';

describe('participants in the stand-in', () => {
  let standIn: LiveKitStandIn;
  let inbox: WebhookInbox;
  let control: LiveKitControl;
  let rooms: RoomServiceClient;

  beforeAll(async () => {
    inbox = await startWebhookInbox(TEST_CREDENTIALS);
    standIn = await startStandIn({ webhookUrls: [inbox.url] });
    control = createLiveKitControl({ apiUrl: standIn.url, ...TEST_CREDENTIALS });
    rooms = new RoomServiceClient(standIn.url, TEST_CREDENTIALS.apiKey, TEST_CREDENTIALS.apiSecret);
  });
  afterAll(async () => {
    await standIn?.close();
    await inbox?.close();
  });

  const join = async (room: string, role: EventRole, identity = `${role}_${randomUUID()}`) => {
    const token = await createParticipantToken(TEST_CREDENTIALS, {
      room,
      identity,
      name: `Test ${role}`,
      role,
      ttlSeconds: 600,
      attributes: { role },
    });
    return standIn.join(token);
  };
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(StandInClientError);
      return (error as StandInClientError).code;
    }
    throw new Error('expected a refusal');
  };

  describe('token grants per role', () => {
    it('lets an attendee watch, hidden, and nothing more: no media, no data, no attributes of their own', async () => {
      const room = `event-${randomUUID()}`;
      const attendee = await join(room, 'attendee');
      const permission = attendee.info().permission;
      expect(permission).toMatchObject({
        canPublish: false,
        canSubscribe: true,
        canPublishData: false,
        canUpdateMetadata: false,
        hidden: true,
      });
      expect(refusal(() => attendee.publishTrack('camera'))).toBe('permission_denied');
      expect(refusal(() => attendee.publishTrack('microphone'))).toBe('permission_denied');
      expect(refusal(() => attendee.publishTrack('screen_share'))).toBe('permission_denied');
      expect(refusal(() => attendee.publishData())).toBe('permission_denied');
      expect(refusal(() => attendee.setAttributes({ handRaised: 'true', name: 'Someone else' }))).toBe(
        'permission_denied',
      );
      expect(attendee.info().attributes).toEqual({ role: 'attendee' });
    });

    it('lets a moderator watch, hidden, without media or data', async () => {
      const moderator = await join(`event-${randomUUID()}`, 'moderator');
      expect(moderator.info().permission?.hidden).toBe(true);
      expect(refusal(() => moderator.publishTrack('camera'))).toBe('permission_denied');
      expect(refusal(() => moderator.publishData())).toBe('permission_denied');
    });

    it('lets presenters and hosts publish camera, microphone and screen share', async () => {
      const room = `event-${randomUUID()}`;
      for (const role of ['presenter', 'host'] as const) {
        const person = await join(room, role);
        const sources = [
          person.publishTrack('camera').source,
          person.publishTrack('microphone').source,
          person.publishTrack('screen_share').source,
          person.publishTrack('screen_share_audio').source,
        ];
        expect(sources).toEqual([
          TrackSource.CAMERA,
          TrackSource.MICROPHONE,
          TrackSource.SCREEN_SHARE,
          TrackSource.SCREEN_SHARE_AUDIO,
        ]);
        expect(() => person.publishData()).not.toThrow();
        expect(person.info().isPublisher).toBe(true);
      }
    });

    it('refuses a token signed with another secret, an expired token and one without roomJoin', async () => {
      const room = `event-${randomUUID()}`;
      const forged = await createParticipantToken(
        { apiKey: TEST_CREDENTIALS.apiKey, apiSecret: 'some-other-secret-that-is-long-enough' },
        { room, identity: 'x', name: 'X', role: 'attendee', ttlSeconds: 600 },
      );
      await expect(standIn.join(forged)).rejects.toMatchObject({ code: 'unauthorized' });
      const expired = await createParticipantToken(TEST_CREDENTIALS, {
        room,
        identity: 'x',
        name: 'X',
        role: 'attendee',
        ttlSeconds: -120,
      });
      await expect(standIn.join(expired)).rejects.toMatchObject({ code: 'unauthorized' });
      expect(standIn.rooms().some((r) => r.name === room)).toBe(false);
    });

    it('creates the room on the first join and reports room_started and participant_joined', async () => {
      const room = `event-${randomUUID()}`;
      const attendee = await join(room, 'attendee');
      const started = await inbox.waitFor(
        (e) => e.event === 'room_started' && e.room?.name === room,
        'room_started',
      );
      const joined = await inbox.waitFor(
        (e) => e.event === 'participant_joined' && e.participant?.identity === attendee.identity,
        'participant_joined',
      );
      expect(started.room?.sid).toMatch(/^RM_/);
      expect(joined.room?.name).toBe(room);
      expect(joined.participant?.name).toBe('Test attendee');
    });
  });

  describe('UpdateParticipant', () => {
    it('replaces the whole permission: canPublish left out means false', async () => {
      const room = `event-${randomUUID()}`;
      const presenter = await join(room, 'presenter');
      const track = presenter.publishTrack('camera');

      const updated = await rooms.updateParticipant(room, presenter.identity, {
        permission: { canSubscribe: true, canPublishData: true },
      });
      expect(updated.permission).toMatchObject({
        canPublish: false,
        canSubscribe: true,
        canPublishData: true,
      });
      expect(updated.permission?.canPublishSources).toEqual([]);
      expect(updated.tracks).toEqual([]);
      await inbox.waitFor(
        (e) => e.event === 'track_unpublished' && e.track?.sid === track.sid,
        'track_unpublished for the revoked camera',
      );
      expect(refusal(() => presenter.publishTrack('camera'))).toBe('permission_denied');
    });

    it('merges attributes and deletes a key given an empty value', async () => {
      const room = `event-${randomUUID()}`;
      const attendee = await join(room, 'attendee');
      await control.setAttributes(room, attendee.identity, { hand: 'raised', seat: '12' });
      const updated = await control.setAttributes(room, attendee.identity, { hand: '' });
      expect(updated.attributes).toEqual({ role: 'attendee', seat: '12' });
      expect(attendee.info().attributes).toEqual({ role: 'attendee', seat: '12' });
    });

    it('keeps name and metadata when the request leaves them empty', async () => {
      const room = `event-${randomUUID()}`;
      const attendee = await join(room, 'attendee');
      const updated = await rooms.updateParticipant(room, attendee.identity, { attributes: { a: '1' } });
      expect(updated.name).toBe('Test attendee');
    });

    it('puts an attendee on stage and takes them off again', async () => {
      const room = `event-${randomUUID()}`;
      const attendee = await join(room, 'attendee');
      const onStage = await control.setOnStage(room, attendee.identity, 'attendee', true);
      expect(onStage.permission).toMatchObject({ canPublish: true, canSubscribe: true, hidden: false });
      const mic = attendee.publishTrack('microphone');
      expect(mic.source).toBe(TrackSource.MICROPHONE);

      const offStage = await control.setOnStage(room, attendee.identity, 'attendee', false);
      expect(offStage.permission).toMatchObject({
        canPublish: false,
        canSubscribe: true,
        canPublishData: false,
        canUpdateMetadata: false,
        hidden: true,
      });
      expect(offStage.tracks).toEqual([]);
    });

    it('answers an unknown participant with not_found', async () => {
      const room = `event-${randomUUID()}`;
      await control.createRoom(room);
      const error = toLiveKitError(
        await control.setOnStage(room, 'nobody', 'attendee', true).catch((e: unknown) => e),
      );
      expect(error.code).toBe('not_found');
      expect(error.message).toBe('twirp error unknown: participant does not exist');
    });
  });

  describe('what each client is told of the others', () => {
    const identities = (participants: { identity: string }[]) => participants.map((p) => p.identity).sort();

    it('tells no client of a hidden attendee, while ListParticipants still lists them', async () => {
      const room = `event-${randomUUID()}`;
      const presenter = await join(room, 'presenter');
      const kari = await join(room, 'attendee');
      const ola = await join(room, 'attendee');
      const moderator = await join(room, 'moderator');
      presenter.publishTrack('camera');

      expect(identities(kari.remoteParticipants())).toEqual([presenter.identity]);
      expect(identities(ola.remoteParticipants())).toEqual([presenter.identity]);
      expect(identities(moderator.remoteParticipants())).toEqual([presenter.identity]);
      expect(presenter.remoteParticipants()).toEqual([]);
      expect(kari.remoteParticipants()[0]?.tracks.map((t) => t.source)).toEqual([TrackSource.CAMERA]);
      expect(identities(await control.listParticipants(room))).toEqual(
        identities([presenter, kari, ola, moderator]),
      );
    });

    it('shows an attendee brought on stage to everyone, and takes their tracks in everyone’s sight before hiding them', async () => {
      const room = `event-${randomUUID()}`;
      const presenter = await join(room, 'presenter');
      const kari = await join(room, 'attendee');
      const ola = await join(room, 'attendee');

      await control.setOnStage(room, kari.identity, 'attendee', true);
      const camera = kari.publishTrack('camera');
      const seen = ola.remoteParticipants().find((p) => p.identity === kari.identity);
      expect(seen?.name).toBe('Test attendee');
      expect(seen?.tracks.map((t) => t.sid)).toEqual([camera.sid]);
      expect(identities(presenter.remoteParticipants())).toEqual([kari.identity]);

      await control.setOnStage(room, kari.identity, 'attendee', false);
      expect(kari.info().permission?.hidden).toBe(true);
      expect(ola.remoteParticipants().find((p) => p.identity === kari.identity)?.tracks).toEqual([]);
      expect(presenter.remoteParticipants().find((p) => p.identity === kari.identity)?.tracks).toEqual([]);
      // Hidden again: what they do now reaches nobody, and a fresh client is not told of them.
      const late = await join(room, 'attendee');
      expect(identities(late.remoteParticipants())).toEqual([presenter.identity]);
    });

    it('sends nothing about a participant hidden in the same update that takes their tracks, as LiveKit does', async () => {
      const room = `event-${randomUUID()}`;
      const presenter = await join(room, 'presenter');
      const watcher = await join(room, 'attendee');
      const camera = presenter.publishTrack('camera');
      await rooms.updateParticipant(room, presenter.identity, {
        permission: { canSubscribe: true, hidden: true },
      });
      expect(presenter.info().tracks).toEqual([]);
      // The watcher's client still holds the last update it was sent.
      const stale = watcher.remoteParticipants().find((p) => p.identity === presenter.identity);
      expect(stale?.tracks.map((t) => t.sid)).toEqual([camera.sid]);
    });

    it('lets a removed participant connect again with the token they had, as LiveKit does', async () => {
      const room = `event-${randomUUID()}`;
      const identity = `reg_${randomUUID()}`;
      const token = await createParticipantToken(TEST_CREDENTIALS, {
        room,
        identity,
        name: 'Test attendee',
        role: 'attendee',
        ttlSeconds: 600,
      });
      const first = await standIn.join(token);
      await control.removeParticipant(room, identity);
      expect(refusal(() => first.info())).toBe('not_found');

      // The token stays valid until it expires: keeping them out is the application's part,
      // on the participant_joined webhook this connection sends.
      const again = await standIn.join(token);
      expect(again.sid).not.toBe(first.sid);
      await inbox.waitFor(
        (e) => e.event === 'participant_joined' && e.participant?.sid === again.sid,
        'participant_joined for the second connection',
      );
      expect(identities(await control.listParticipants(room))).toEqual([identity]);
    });
  });

  describe('moderation', () => {
    it('mutes a published track', async () => {
      const room = `event-${randomUUID()}`;
      const presenter = await join(room, 'presenter');
      const mic = presenter.publishTrack('microphone');
      const muted = await control.muteTrack(room, presenter.identity, mic.sid);
      expect(muted.sid).toBe(mic.sid);
      expect(muted.muted).toBe(true);
      expect(presenter.info().tracks[0]?.muted).toBe(true);
    });

    it('removes a participant, who then sends participant_left and is gone from the list', async () => {
      const room = `event-${randomUUID()}`;
      const attendee = await join(room, 'attendee');
      const stays = await join(room, 'moderator');
      await control.removeParticipant(room, attendee.identity);
      await inbox.waitFor(
        (e) => e.event === 'participant_left' && e.participant?.identity === attendee.identity,
        'participant_left',
      );
      expect((await control.listParticipants(room)).map((p) => p.identity)).toEqual([stays.identity]);
      expect(refusal(() => attendee.publishData())).toBe('not_found');
    });

    it('updates room metadata and sends data to the room', async () => {
      const room = `event-${randomUUID()}`;
      await join(room, 'attendee');
      const updated = await rooms.updateRoomMetadata(room, '{"stage":"live"}');
      expect(updated.metadata).toBe('{"stage":"live"}');
      await rooms.sendData(room, new TextEncoder().encode('{"type":"qa"}'), DataPacket_Kind.RELIABLE, {
        topic: 'qa',
      });
      const sent = standIn.dataSent().find((d) => d.room === room);
      expect(new TextDecoder().decode(sent?.data)).toBe('{"type":"qa"}');
      expect(sent?.topic).toBe('qa');
      const missing = toLiveKitError(
        await rooms.updateRoomMetadata(`${room}-gone`, 'x').catch((e: unknown) => e),
      );
      expect(missing.message).toBe('twirp error unknown: requested room does not exist');
    });

    it('replaces the earlier connection when the same identity joins again', async () => {
      const room = `event-${randomUUID()}`;
      const first = await join(room, 'attendee', 'reg_same');
      const second = await join(room, 'attendee', 'reg_same');
      expect(second.sid).not.toBe(first.sid);
      expect(refusal(() => first.info())).toBe('not_found');
      expect((await control.listParticipants(room)).map((p) => p.sid)).toEqual([second.sid]);
    });

    it('ends the room for everyone with DeleteRoom: participant_left, then room_finished', async () => {
      const room = `event-${randomUUID()}`;
      const attendee = await join(room, 'attendee');
      await control.deleteRoom(room);
      const left = await inbox.waitFor(
        (e) => e.event === 'participant_left' && e.participant?.identity === attendee.identity,
        'participant_left',
      );
      const finished = await inbox.waitFor(
        (e) => e.event === 'room_finished' && e.room?.name === room,
        'room_finished',
      );
      expect(Number(finished.createdAt)).toBeGreaterThanOrEqual(Number(left.createdAt));
      expect(standIn.participants(room)).toEqual([]);
    });
  });
});
