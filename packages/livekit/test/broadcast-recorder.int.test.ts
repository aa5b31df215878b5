import { randomUUID } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EgressStatus, type LiveKitControl, type LiveKitServer, liveKitServerBinary } from '../src/index.ts';
import { readClosedStream } from './support/broadcast-stream.ts';
import type { EgressBucket } from './support/egress-bucket.ts';
import { meanLuma, meanVolume } from './support/media-levels.ts';
import { type MediaPublisher, publishMedia } from './support/media-publisher.ts';
import { probeFile } from './support/probe-file.ts';
import { type RecorderStack, startRecorderStack } from './support/recorder-stack.ts';

const binary = liveKitServerBinary();
const skip = binary.path === undefined && !process.env.CI;
if (skip) console.warn(`Skipping the recorder's broadcast test: ${binary.reason}`);

const BROADCAST_MS = 10_000;

describe.skipIf(skip)("the recorder's broadcast: an HLS ladder from the room's real media", () => {
  let server: LiveKitServer;
  let bucket: EgressBucket;
  let control: LiveKitControl;
  let stack: RecorderStack;
  let presenter: MediaPublisher | undefined;

  beforeAll(async () => {
    stack = await startRecorderStack('recorder-broadcast');
    ({ server, bucket, control } = stack);
  });
  afterAll(async () => {
    await presenter?.stop();
    await stack?.close();
  });

  const status = (egressId: string, wanted: EgressStatus) => stack.status(egressId, wanted);
  const readPublic = async (key: string) => {
    const object = await bucket.client.send(new GetObjectCommand({ Bucket: 'public', Key: key }));
    return (await object.Body?.transformToString()) ?? '';
  };
  /** The object once it is there (the uploads follow ffmpeg), within the test's bound. */
  const eventually = async (key: string, withinMs: number) => {
    const until = Date.now() + withinMs;
    for (;;) {
      try {
        return await readPublic(key);
      } catch (error) {
        if (Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };

  it('streams picture and sound live as 2-second segments, then closes the stream and keeps the MP4', async () => {
    const room = `event-${randomUUID()}`;
    await control.createRoom(room);
    presenter = await publishMedia(server.url, room);
    const prefix = `replays/${randomUUID()}/live/`;
    const started = await control.startRoomRecording(room, bucket.broadcast(`livekit/${room}.mp4`, prefix));
    await status(started.egressId, EgressStatus.EGRESS_ACTIVE);
    const activeAt = Date.now();

    // While live: the multivariant playlist, and a live playlist that is not closed.
    const liveMultivariant = await eventually(`${prefix}live.m3u8`, BROADCAST_MS);
    expect(liveMultivariant.match(/#EXT-X-STREAM-INF/g)).toHaveLength(3);
    const liveTop = await readPublic(`${prefix}720p/live.m3u8`);
    expect(liveTop).toContain('#EXT-X-PROGRAM-DATE-TIME:');
    expect(liveTop).not.toContain('#EXT-X-ENDLIST');

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, BROADCAST_MS - (Date.now() - activeAt))));
    await control.stopEgress(started.egressId);
    const info = (await status(started.egressId, EgressStatus.EGRESS_COMPLETE)).egressInfo!;

    const segments = info.segmentResults[0]!;
    expect(segments.playlistName).toBe(`${prefix}index.m3u8`);
    expect(segments.livePlaylistName).toBe(`${prefix}live.m3u8`);
    const seconds = Number(segments.duration) / 1e9;
    expect(seconds).toBeGreaterThan(BROADCAST_MS / 1000 - 1);
    expect(Number(segments.segmentCount)).toBe(Math.ceil(seconds / 2 - 0.001));

    const [top, low, sound] = await readClosedStream(bucket, prefix);
    expect(top?.segments.length).toBe(Number(segments.segmentCount));
    expect(low?.segments.length).toBe(Number(segments.segmentCount));
    expect(sound?.segments.length).toBeGreaterThanOrEqual(Number(segments.segmentCount));
    for (const rendition of [top, low]) {
      // Every segment but the last is 2 seconds, as probed (a keyframe every 2 seconds).
      for (const probed of rendition?.probedSeconds.slice(0, -1) ?? []) expect(probed).toBeCloseTo(2, 1);
    }
    expect(top?.streams.map((s) => [s.codec_type, s.codec_name, s.width ?? null])).toEqual([
      ['video', 'h264', 1280],
      ['audio', 'aac', null],
    ]);
    expect(low?.streams.find((s) => s.codec_type === 'video')?.height).toBe(360);
    // The wall clock of the first picture: from when the recording became active, within a second.
    const firstClock = top?.segments[0]?.programDateTime ?? 0;
    expect(firstClock).toBe(Number(info.startedAt / 1_000_000n));
    expect(Math.abs(firstClock - activeAt)).toBeLessThan(1000);

    // The presenter's picture and tone are in the stream (a black, silent room would not be).
    const middle = (rendition: typeof top) =>
      rendition?.segments[Math.floor(rendition.segments.length / 2)]?.uri;
    const picture = await bucket.download(`${prefix}360p/${middle(low)}`, 'middle-360p.ts', 'public');
    expect(await meanLuma(picture.localPath)).toBeGreaterThan(40);
    const tone = await bucket.download(`${prefix}audio/${middle(sound)}`, 'middle-audio.ts', 'public');
    expect(await meanVolume(tone.localPath)).toBeGreaterThan(-40);

    // The MP4 is there too, as long as the stream.
    const file = info.fileResults[0]!;
    const { localPath } = await bucket.download(file.filename, 'broadcast.mp4');
    const probed = await probeFile(localPath);
    expect(Math.abs(probed.duration - seconds)).toBeLessThan(0.5);
  });
});
