import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveKitControl,
  EgressStatus,
  type LiveKitControl,
  type LiveKitStandIn,
} from '../src/index.ts';
import { apiToken, twirp } from './support/api-token.ts';
import { readClosedStream } from './support/broadcast-stream.ts';
import { startStandIn, TEST_CREDENTIALS } from './support/contract-target.ts';
import { type EgressBucket, startEgressBucket } from './support/egress-bucket.ts';
import { startWebhookInbox, type WebhookInbox } from './support/webhook-inbox.ts';

describe("a broadcast's segmented output in the stand-in", () => {
  let bucket: EgressBucket;
  let inbox: WebhookInbox;
  let standIn: LiveKitStandIn;
  let control: LiveKitControl;

  beforeAll(async () => {
    bucket = await startEgressBucket('livekit-broadcast');
    inbox = await startWebhookInbox(TEST_CREDENTIALS);
    standIn = await startStandIn({ webhookUrls: [inbox.url], maxClipSeconds: 5, egressStartDelayMs: 0 });
    control = createLiveKitControl({ apiUrl: standIn.url, ...TEST_CREDENTIALS });
  });
  afterAll(async () => {
    await standIn?.close();
    await inbox?.close();
    await bucket?.close();
  });

  const ended = (egressId: string) =>
    inbox.waitFor((e) => e.event === 'egress_ended' && e.egressInfo?.egressId === egressId, 'egress_ended');

  it('writes the HLS ladder from its clip, closed, and reports segmentResults', async () => {
    const room = `event-${randomUUID()}`;
    await control.createRoom(room);
    const prefix = `replays/${randomUUID()}/live/`;
    const started = await control.startRoomRecording(room, bucket.broadcast(`livekit/${room}.mp4`, prefix));
    expect(started.segmentResults.map((s) => [s.playlistName, s.livePlaylistName])).toEqual([
      [`${prefix}index.m3u8`, `${prefix}live.m3u8`],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 4500));
    await control.stopEgress(started.egressId);
    const info = (await ended(started.egressId)).egressInfo!;
    expect(info.status).toBe(EgressStatus.EGRESS_COMPLETE);
    const segments = info.segmentResults[0]!;
    expect(segments).toMatchObject({
      playlistName: `${prefix}index.m3u8`,
      livePlaylistName: `${prefix}live.m3u8`,
      playlistLocation: `${bucket.endpoint}/public/${prefix}index.m3u8`,
    });
    // A clip of some 4.5 seconds: 2-second segments, the last shorter.
    expect(Number(segments.segmentCount)).toBe(3);
    expect(Number(segments.duration) / 1e9).toBeCloseTo(4.5, 0);
    expect(segments.size).toBeGreaterThan(0n);
    expect(segments.endedAt).toBeGreaterThan(segments.startedAt);
    // Credentials never go out in webhooks, the stream's included.
    const request = info.request.case === 'roomComposite' ? info.request.value : undefined;
    expect(request?.segmentOutputs[0]?.output.value).toMatchObject({ secret: '<redacted>' });

    const renditions = await readClosedStream(bucket, prefix);
    const [top, low, sound] = renditions;
    expect([top?.segments.length, low?.segments.length]).toEqual([3, 3]);
    // AAC's 1024-sample frames may spill a few milliseconds past the last picture: one more segment.
    expect(sound?.segments.length).toBeGreaterThanOrEqual(3);
    expect(sound?.segments.length).toBeLessThanOrEqual(4);
    for (const rendition of [top, low]) {
      expect(rendition?.probedSeconds.slice(0, -1).map((s) => Math.round(s * 10) / 10)).toEqual([2, 2]);
    }
    expect(sound?.streams.map((s) => [s.codec_type, s.codec_name])).toEqual([['audio', 'aac']]);
    expect(top?.streams.map((s) => [s.codec_type, s.codec_name, s.width ?? null])).toEqual([
      ['video', 'h264', 1280],
      ['audio', 'aac', null],
    ]);
    // The stream's wall clock starts with the egress and runs on by the segments' durations.
    const clock = top?.segments ?? [];
    expect(clock[0]?.programDateTime).toBe(Number(info.startedAt / 1_000_000n));
    for (let i = 1; i < clock.length; i++) {
      const previous = clock[i - 1]!;
      expect(clock[i]?.programDateTime).toBe(Math.round(previous.programDateTime + previous.seconds * 1000));
    }
  });

  it('keeps the MP4 when the stream cannot be uploaded', async () => {
    const room = `event-${randomUUID()}`;
    await control.createRoom(room);
    const request = bucket.broadcast(`livekit/${room}.mp4`, 'replays/x/live/', 'no-such-bucket');
    const started = await control.startRoomRecording(room, request);
    await control.stopEgress(started.egressId);
    const info = (await ended(started.egressId)).egressInfo!;
    expect(info.status).toBe(EgressStatus.EGRESS_COMPLETE);
    expect(info.fileResults[0]?.size).toBeGreaterThan(0n);
    expect(info.segmentResults[0]?.segmentCount ?? 0n).toBe(0n);
    expect(info.details).toMatch(/^the stream could not be closed: .*bucket/i);
  });

  it('refuses what Egress refuses: two segmented outputs, a protocol it has not', async () => {
    const room = `event-${randomUUID()}`;
    await control.createRoom(room);
    const target = bucket.broadcast('x.mp4', 'p/').segments!.s3;
    const segment = (protocol: number) => ({
      protocol,
      filenamePrefix: 'p/',
      playlistName: 'index.m3u8',
      s3: target,
    });
    const token = `Bearer ${await apiToken(TEST_CREDENTIALS, { roomRecord: true })}`;
    const start = (segmentOutputs: unknown[]) =>
      twirp(
        standIn.url,
        'livekit.Egress/StartRoomCompositeEgress',
        {
          roomName: room,
          fileOutputs: [{ filepath: 'x.mp4', s3: { ...target, access_key: target.accessKey } }],
          segmentOutputs,
        },
        token,
      );
    const two = await start([segment(1), segment(1)]);
    expect([two.status, JSON.parse(two.text).msg]).toEqual([400, 'multiple segmented outputs not supported']);
    const other = await start([segment(7)]);
    expect(JSON.parse(other.text).code).toBe('invalid_argument');
  });
});
