import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFreeDisk, estimateOutputBytes } from './check-free-disk.ts';
import { InsufficientDiskError } from './errors.ts';
import type { MediaProbe } from './probe-types.ts';

const probe = (seconds: number, video = true): MediaProbe => ({
  durationSeconds: seconds,
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
  sizeBytes: seconds * 600_000,
  bitRate: 4_800_000,
  video: video
    ? {
        index: 0,
        codec: 'h264',
        profile: 'High',
        pixFmt: 'yuv420p',
        width: 1920,
        height: 1080,
        displayWidth: 1920,
        displayHeight: 1080,
        rotation: 0,
        sampleAspectRatio: 1,
        avgFrameRate: 30,
        rFrameRate: 30,
        variableFrameRate: false,
        keyframeTimes: [0],
        decodeDelaySeconds: 0,
        maxKeyframeIntervalSeconds: 2,
        bitRate: 4_500_000,
        peakBitRates: [],
      }
    : null,
  audio: {
    index: 1,
    codec: 'aac',
    profile: 'LC',
    channels: 2,
    channelLayout: 'stereo',
    sampleRate: 48000,
    bitRate: 128_000,
  },
});

describe('estimateOutputBytes', () => {
  it('grows with duration and covers the ladder at its caps plus the download', () => {
    const hour = estimateOutputBytes(probe(3600));
    expect(hour).toBeGreaterThan(estimateOutputBytes(probe(60)));
    // Caps 6 + 4 + 2 + 1.2 Mb/s for an hour is 5.9 GB; the download adds the top rendition again.
    expect(hour).toBeGreaterThan(5.9e9);
  });

  it('is small for audio', () => {
    expect(estimateOutputBytes(probe(3600, false))).toBeLessThan(0.5e9);
  });
});

describe('checkFreeDisk', () => {
  it('passes when there is room and reports what is free', async () => {
    const { availableBytes } = await checkFreeDisk(tmpdir(), 1);
    expect(availableBytes).toBeGreaterThan(1);
  });

  it('judges a directory not made yet by its parent', async () => {
    await expect(checkFreeDisk(join(tmpdir(), 'not-made-yet', 'deeper'), 1)).resolves.toBeDefined();
  });

  it('throws InsufficientDiskError when the need exceeds what is free', async () => {
    await expect(checkFreeDisk(tmpdir(), Number.MAX_SAFE_INTEGER)).rejects.toBeInstanceOf(
      InsufficientDiskError,
    );
  });
});
