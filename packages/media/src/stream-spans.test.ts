import { describe, expect, it } from 'vitest';
import { posterTimes } from './make-poster.ts';
import type { MediaProbe, VideoProbe } from './probe-types.ts';
import {
  absoluteSpan,
  audioNeedsFilling,
  longestGap,
  relativeSpans,
  videoCoverage,
  videoNeedsFilling,
} from './stream-spans.ts';

const video = (span: VideoProbe['span'], longestGapSeconds = 0) =>
  ({ index: 0, span, longestGapSeconds }) as VideoProbe;

function probe(videoSpan: VideoProbe['span'], audioEnd = 60, gap = 0): MediaProbe {
  return {
    durationSeconds: 60,
    container: 'mpegts',
    sizeBytes: 1,
    bitRate: null,
    video: video(videoSpan, gap),
    audio: {
      index: 1,
      codec: 'aac',
      profile: null,
      channels: 2,
      channelLayout: 'stereo',
      sampleRate: 48000,
      bitRate: null,
      span: { start: 0, end: audioEnd },
    },
  };
}

describe('stream spans', () => {
  it('measures each stream from the earliest packet of any, whatever the file’s own clock says', () => {
    const v = absoluteSpan([
      { pts: 1001.5, dts: 1001.5, duration: 0.04, size: 1, key: true },
      { pts: 1004, dts: 1004, duration: 0.04, size: 1, key: false },
    ]);
    const a = absoluteSpan([{ pts: 1000, dts: 1000, duration: 0.02, size: 1, key: true }]);
    expect(relativeSpans([v, a])).toEqual({
      spans: [
        { start: 1.5, end: 4.04 },
        { start: 0, end: 0.02 },
      ],
      contentEnd: 4.04,
    });
  });

  it('finds a picture that stops early, starts late or drops out, and leaves a whole one alone', () => {
    expect(videoNeedsFilling(probe({ start: 0, end: 60 }))).toBe(false);
    expect(videoNeedsFilling(probe({ start: 0.04, end: 59.8 }))).toBe(false);
    expect(videoNeedsFilling(probe({ start: 0, end: 20 }))).toBe(true);
    expect(videoCoverage(probe({ start: 0, end: 20 }))).toEqual({
      lateStartSeconds: 0,
      earlyEndSeconds: 40,
      longestGapSeconds: 0,
    });
    expect(videoNeedsFilling(probe({ start: 5, end: 60 }))).toBe(true);
    expect(videoNeedsFilling(probe({ start: 0, end: 60 }, 60, 12))).toBe(true);
    // A probe stored before spans were measured says nothing.
    expect(videoNeedsFilling(probe(undefined))).toBe(false);
  });

  it('finds sound that stops before the picture', () => {
    expect(audioNeedsFilling(probe({ start: 0, end: 60 }, 30))).toBe(true);
    expect(audioNeedsFilling(probe({ start: 0, end: 60 }, 60))).toBe(false);
  });

  it('measures the longest hole beyond the usual frame interval', () => {
    const frames = [0, 0.04, 0.08, 0.12, 3.12, 3.16, 3.2];
    expect(longestGap(frames)).toBeCloseTo(2.96, 2);
    expect(longestGap([0, 0.04, 0.08])).toBe(0);
  });
});

describe('posterTimes', () => {
  it('takes the candidates within the picture’s own span', () => {
    expect(posterTimes(probe({ start: 0, end: 0.5 }))).toEqual([0.05, 0.15, 0.25]);
    expect(posterTimes(probe({ start: 10, end: 20 }))).toEqual([11, 13, 15]);
    expect(posterTimes({ durationSeconds: 100, video: video(undefined) })).toEqual([10, 30, 50]);
  });
});
