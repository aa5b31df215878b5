import { describe, expect, it } from 'vitest';
import { recordingRequestFor } from './room-options.ts';

const config = {
  s3: {
    accessKeyId: 'key',
    secretAccessKey: 'secret',
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9000',
    rawBucket: 'raw',
    publicBucket: 'public',
    forcePathStyle: true,
  },
} as Parameters<typeof recordingRequestFor>[0];

describe('recordingRequestFor', () => {
  it('records to the raw bucket only, for an event that is not broadcast', () => {
    const request = recordingRequestFor(config, 'e1');
    expect(request.filepath).toBe('livekit/e1/{time}.mp4');
    expect(request.s3.bucket).toBe('raw');
    expect(request.segments).toBeUndefined();
  });

  it('also streams a broadcast into the public bucket under its replay address, with the same credentials', () => {
    const request = recordingRequestFor(config, 'e1', 'b1');
    expect(request.s3.bucket).toBe('raw');
    expect(request.segments).toEqual({
      prefix: 'replays/b1/live/',
      s3: { ...request.s3, bucket: 'public' },
    });
  });
});
