import { randomUUID } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveKitControl,
  createParticipantToken,
  EgressStatus,
  type LiveKitControl,
  type LiveKitStandIn,
  toLiveKitError,
} from '../src/index.ts';
import { startStandIn, TEST_CREDENTIALS } from './support/contract-target.ts';
import { type EgressBucket, startEgressBucket } from './support/egress-bucket.ts';
import { probeFile } from './support/probe-file.ts';
import { startWebhookInbox, type WebhookInbox } from './support/webhook-inbox.ts';

describe('room composite egress in the stand-in', () => {
  let bucket: EgressBucket;
  let inbox: WebhookInbox;
  let standIn: LiveKitStandIn;
  let control: LiveKitControl;

  beforeAll(async () => {
    bucket = await startEgressBucket('livekit-egress');
    inbox = await startWebhookInbox(TEST_CREDENTIALS);
    standIn = await startStandIn({ webhookUrls: [inbox.url], maxClipSeconds: 3, webhookRetryDelayMs: 50 });
    control = createLiveKitControl({ apiUrl: standIn.url, ...TEST_CREDENTIALS });
  });
  afterAll(async () => {
    await standIn?.close();
    await inbox?.close();
    await bucket?.close();
  });

  const liveRoom = async () => {
    const room = `event-${randomUUID()}`;
    await control.createRoom(room);
    const token = await createParticipantToken(TEST_CREDENTIALS, {
      room,
      identity: `staff_${randomUUID()}`,
      name: 'Presenter',
      role: 'presenter',
      ttlSeconds: 600,
    });
    const presenter = await standIn.join(token);
    presenter.publishTrack('camera');
    presenter.publishTrack('microphone');
    return room;
  };
  const ended = (egressId: string) =>
    inbox.waitFor((e) => e.event === 'egress_ended' && e.egressInfo?.egressId === egressId, 'egress_ended');

  it('records a 1080p MP4 to S3 through STARTING, ACTIVE, ENDING and COMPLETE', async () => {
    const room = await liveRoom();
    const started = await control.startRoomRecording(room, bucket.recording(`recordings/${room}/source.mp4`));
    expect(started.egressId).toMatch(/^EG_/);
    expect(started.status).toBe(EgressStatus.EGRESS_STARTING);
    expect(started.roomName).toBe(room);

    await inbox.waitFor(
      (e) => e.event === 'egress_started' && e.egressInfo?.egressId === started.egressId,
      'start',
    );
    const active = await inbox.waitFor(
      (e) =>
        e.event === 'egress_updated' &&
        e.egressInfo?.egressId === started.egressId &&
        e.egressInfo.status === EgressStatus.EGRESS_ACTIVE,
      'egress_updated ACTIVE',
    );
    expect(active.egressInfo?.startedAt).toBeGreaterThan(0n);
    expect((await control.listEgress({ roomName: room, active: true })).map((e) => e.egressId)).toEqual([
      started.egressId,
    ]);
    // The recorder is in the room, hidden, and left out of listParticipants.
    expect(standIn.participants(room).some((p) => p.identity === started.egressId)).toBe(true);
    expect((await control.listParticipants(room)).some((p) => p.identity === started.egressId)).toBe(false);

    const stopping = await control.stopEgress(started.egressId);
    expect(stopping.status).toBe(EgressStatus.EGRESS_ENDING);

    const info = (await ended(started.egressId)).egressInfo;
    expect(info?.status).toBe(EgressStatus.EGRESS_COMPLETE);
    expect(info?.error).toBe('');
    const file = info?.fileResults[0];
    const key = `recordings/${room}/source.mp4`;
    expect(file?.filename).toBe(key);
    expect(file?.location).toBe(`${bucket.endpoint}/raw/${key}`);
    expect(file?.startedAt).toBe(info?.startedAt);
    expect(file?.duration).toBeGreaterThanOrEqual(2_000_000_000n);
    expect(file?.duration).toBeLessThanOrEqual(3_000_000_000n);
    expect(file?.endedAt).toBe((file?.startedAt ?? 0n) + (file?.duration ?? 0n));
    expect(info?.endedAt).toBeGreaterThanOrEqual(info?.startedAt ?? 0n);

    const { localPath, bytes, contentType } = await bucket.download(key, 'source.mp4');
    expect(contentType).toBe('video/mp4');
    expect(BigInt(bytes.length)).toBe(file?.size);
    const probed = await probeFile(localPath);
    const video = probed.streams.find((s) => s.codec_type === 'video');
    const audio = probed.streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', width: 1920, height: 1080 });
    expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '44100' });
    expect(Math.abs(probed.duration - Number(file?.duration) / 1e9)).toBeLessThan(0.2);

    const manifest = await bucket.client.send(new HeadObjectCommand({ Bucket: 'raw', Key: `${key}.json` }));
    expect(manifest.ContentType).toBe('application/json');
    expect(standIn.participants(room).some((p) => p.identity === started.egressId)).toBe(false);

    const again = toLiveKitError(await control.stopEgress(started.egressId).catch((e: unknown) => e));
    expect(again.code).toBe('failed_precondition');
    expect(again.status).toBe(412);
    expect(again.message).toBe('egress with status EGRESS_COMPLETE cannot be stopped');
    expect(await control.listEgress({ roomName: room, active: true })).toEqual([]);
    expect((await control.listEgress({ roomName: room })).map((e) => e.status)).toEqual([
      EgressStatus.EGRESS_COMPLETE,
    ]);
  });

  it('sends webhooks as LiveKit does: signed raw body, no Bearer, protojson without zero values', async () => {
    const room = await liveRoom();
    const started = await control.startRoomRecording(room, bucket.recording(''));
    await inbox.waitFor(
      (e) =>
        e.egressInfo?.egressId === started.egressId && e.egressInfo.status === EgressStatus.EGRESS_ACTIVE,
      'ACTIVE',
    );
    await control.stopEgress(started.egressId);
    await ended(started.egressId);
    const received = inbox.received.filter((r) => r.event.egressInfo?.egressId === started.egressId);
    expect(received.map((r) => r.event.event)).toEqual([
      'egress_started',
      'egress_updated',
      'egress_updated',
      'egress_ended',
    ]);
    for (const webhook of received) {
      expect(webhook.contentType).toBe('application/webhook+json');
      expect(webhook.authorization).not.toMatch(/^Bearer /);
      expect(webhook.event.id).toMatch(/^EV_/);
      const body = JSON.parse(webhook.rawBody);
      expect(body.egressInfo.egressId).toBe(started.egressId);
      expect(typeof body.createdAt).toBe('string');
      expect(body).not.toHaveProperty('egress_info');
      expect(body.egressInfo).not.toHaveProperty('error');
    }
    expect(inbox.rejected).toBe(0);
    // An empty path becomes <room>-<time>.mp4.
    const filename = received.at(-1)?.event.egressInfo?.fileResults[0]?.filename ?? '';
    expect(filename).toMatch(new RegExp(`^${room}-\\d{4}-\\d\\d-\\d\\dT\\d{6}\\.mp4$`));
  });

  it('fills in the path templates', async () => {
    const room = await liveRoom();
    const started = await control.startRoomRecording(room, bucket.recording('rec/{room_name}/{room_id}/'));
    await control.stopEgress(started.egressId);
    const info = (await ended(started.egressId)).egressInfo;
    expect(info?.fileResults[0]?.filename).toMatch(
      new RegExp(`^rec/${room}/${info?.roomId}/${room}-\\d{4}-\\d\\d-\\d\\dT\\d{6}\\.mp4$`),
    );
    expect(info?.roomId).toMatch(/^RM_/);
  });

  it('ends EGRESS_FAILED with the error when the upload fails', async () => {
    const room = await liveRoom();
    const started = await control.startRoomRecording(room, bucket.recording('x.mp4', 'no-such-bucket'));
    await control.stopEgress(started.egressId);
    const info = (await ended(started.egressId)).egressInfo;
    expect(info?.status).toBe(EgressStatus.EGRESS_FAILED);
    expect(info?.error).not.toBe('');
  });

  it('fails the next egress on request', async () => {
    const room = await liveRoom();
    standIn.failNextEgress('disk full');
    const started = await control.startRoomRecording(room, bucket.recording('y.mp4'));
    await control.stopEgress(started.egressId);
    const info = (await ended(started.egressId)).egressInfo;
    expect(info?.status).toBe(EgressStatus.EGRESS_FAILED);
    expect(info?.error).toBe('disk full');
  });

  it('loses webhooks on request, leaving ListEgress to tell the outcome', async () => {
    const room = await liveRoom();
    const started = await control.startRoomRecording(room, bucket.recording('lost.mp4'));
    await inbox.waitFor(
      (e) =>
        e.egressInfo?.egressId === started.egressId && e.egressInfo.status === EgressStatus.EGRESS_ACTIVE,
      'ACTIVE',
    );
    standIn.dropNextWebhooks(10);
    await control.stopEgress(started.egressId);
    await standIn.idle();
    expect(
      inbox.received.some(
        (r) => r.event.event === 'egress_ended' && r.event.egressInfo?.egressId === started.egressId,
      ),
    ).toBe(false);
    const [listed] = await control.listEgress({ roomName: room });
    expect(listed?.status).toBe(EgressStatus.EGRESS_COMPLETE);
    expect(listed?.fileResults[0]?.size).toBeGreaterThan(0n);
    standIn.dropNextWebhooks(0);
  });

  it('delivers an event again after a failed delivery, with the same id', async () => {
    const room = await liveRoom();
    await standIn.idle();
    inbox.failNext(1);
    const started = await control.startRoomRecording(room, bucket.recording('retry.mp4'));
    await standIn.idle();
    const deliveries = inbox.received.filter(
      (r) => r.event.event === 'egress_started' && r.event.egressInfo?.egressId === started.egressId,
    );
    expect(deliveries).toHaveLength(2);
    expect(deliveries[0]?.event.id).toBe(deliveries[1]?.event.id);
    await control.stopEgress(started.egressId);
    await ended(started.egressId);
  });

  it('ends the recording when the room is deleted', async () => {
    const room = await liveRoom();
    const started = await control.startRoomRecording(room, bucket.recording('deleted.mp4'));
    await control.deleteRoom(room);
    const info = (await ended(started.egressId)).egressInfo;
    expect(info?.status).toBe(EgressStatus.EGRESS_COMPLETE);
  });
});
