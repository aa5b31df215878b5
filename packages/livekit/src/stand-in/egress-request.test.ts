import {
  EncodedFileOutput,
  RoomCompositeEgressRequest,
  S3Upload,
  SegmentedFileOutput,
  SegmentedFileProtocol,
} from '@livekit/protocol';
import { describe, expect, it } from 'vitest';
import { redactEgressRequest, segmentOutputOf } from './egress-request.ts';

const s3 = () => new S3Upload({ accessKey: 'key', secret: 'secret', bucket: 'public' });
const request = (...segmentOutputs: SegmentedFileOutput[]) =>
  new RoomCompositeEgressRequest({
    roomName: 'event-1',
    fileOutputs: [new EncodedFileOutput({ filepath: 'a.mp4', output: { case: 's3', value: s3() } })],
    segmentOutputs,
  });
const hls = (fields: Partial<SegmentedFileOutput> = {}) =>
  new SegmentedFileOutput({
    protocol: SegmentedFileProtocol.HLS_PROTOCOL,
    filenamePrefix: 'replays/b/live/',
    playlistName: 'index.m3u8',
    livePlaylistName: 'live.m3u8',
    segmentDuration: 2,
    output: { case: 's3', value: s3() },
    ...fields,
  });

describe('segmentOutputOf', () => {
  it('is absent for a plain recording, and the HLS output of a broadcast', () => {
    expect(segmentOutputOf(request(), 'the recorder')).toBeUndefined();
    const found = segmentOutputOf(request(hls()), 'the recorder');
    expect(found?.output).toMatchObject({ filenamePrefix: 'replays/b/live/', segmentDuration: 2 });
    expect(found?.upload.bucket).toBe('public');
  });

  it("fills in Egress's defaults: 4-second segments, a playlist, the room's name as prefix", () => {
    const found = segmentOutputOf(
      request(hls({ filenamePrefix: '', playlistName: '', segmentDuration: 0 })),
      'the recorder',
    );
    expect(found?.output).toMatchObject({
      filenamePrefix: 'event-1/',
      playlistName: 'playlist.m3u8',
      segmentDuration: 4,
    });
  });

  it('refuses two segmented outputs and an upload elsewhere than S3', () => {
    expect(() => segmentOutputOf(request(hls(), hls()), 'the recorder')).toThrow(
      'multiple segmented outputs not supported',
    );
    expect(() => segmentOutputOf(request(hls({ output: { case: undefined } })), 'the recorder')).toThrow(
      'the recorder uploads to S3 only',
    );
  });
});

describe('redactEgressRequest', () => {
  it("takes the stream's storage credentials out too", () => {
    const redacted = redactEgressRequest(request(hls()));
    expect(redacted.segmentOutputs[0]?.output.value).toMatchObject({
      accessKey: '<redacted>',
      secret: '<redacted>',
    });
  });
});
