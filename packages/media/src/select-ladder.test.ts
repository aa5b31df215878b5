import { describe, expect, it } from 'vitest';
import type { MediaProbe, VideoProbe } from './probe-types.ts';
import { canQuickPublish, decideCopy, evenedFrameRate, selectLadder } from './select-ladder.ts';

function video(overrides: Partial<VideoProbe> = {}): VideoProbe {
  const keyframeTimes = Array.from({ length: 30 }, (_, i) => i * 2);
  return {
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
    keyframeTimes,
    decodeDelaySeconds: 0,
    maxKeyframeIntervalSeconds: 2,
    bitRate: 4_500_000,
    peakBitRates: [
      { windowSeconds: 1, bitRate: 6_000_000 },
      { windowSeconds: 4, bitRate: 5_000_000 },
    ],
    ...overrides,
  };
}

describe('selectLadder', () => {
  it('gives a 1080p source all four rungs, largest first', () => {
    expect(selectLadder(video()).map((r) => `${r.name} ${r.width}x${r.height}`)).toEqual([
      '1080p 1920x1080',
      '720p 1280x720',
      '480p 854x480',
      '360p 640x360',
    ]);
  });

  it('never upscales: a 720p source yields 720p, 480p and 360p', () => {
    const ladder = selectLadder(video({ displayWidth: 1280, displayHeight: 720 }));
    expect(ladder.map((r) => r.name)).toEqual(['720p', '480p', '360p']);
    for (const r of ladder) expect(r.height).toBeLessThanOrEqual(720);
  });

  it('keeps odd-sized sources at even sizes no larger than the source', () => {
    const ladder = selectLadder(video({ displayWidth: 853, displayHeight: 481 }));
    expect(ladder.map((r) => [r.name, r.width, r.height])).toEqual([
      ['480p', 852, 480],
      ['360p', 638, 360],
    ]);
  });

  it('gives a source just under a rung that rung at the source size', () => {
    const [top] = selectLadder(video({ displayWidth: 1920, displayHeight: 1072 }));
    expect(top).toMatchObject({ name: '1080p', width: 1920, height: 1072 });
  });

  it('scales the short side of portrait video', () => {
    const ladder = selectLadder(video({ displayWidth: 1080, displayHeight: 1920 }));
    expect(ladder[0]).toMatchObject({ width: 1080, height: 1920 });
    expect(ladder[3]).toMatchObject({ name: '360p', width: 360, height: 640 });
  });

  it('gives a source below the lowest rung one rendition at its own size', () => {
    expect(selectLadder(video({ displayWidth: 320, displayHeight: 240 }))).toEqual([
      expect.objectContaining({ name: '240p', width: 320, height: 240 }),
    ]);
  });

  it('raises the caps for high frame rates and sets bufsize to twice maxrate', () => {
    const at30 = selectLadder(video())[0]!;
    const at60 = selectLadder(video({ avgFrameRate: 60 }))[0]!;
    expect(at60.maxrate).toBeGreaterThan(at30.maxrate);
    expect(at30.bufsize).toBe(at30.maxrate * 2);
  });
});

describe('decideCopy', () => {
  const top = (v: VideoProbe) => selectLadder(v)[0]!;

  it('copies a LiveKit-like H.264 1080p source with 2 s keyframes', () => {
    const v = video();
    expect(decideCopy(v, 60, top(v))).toEqual({ copy: true, reasons: [], hlsTime: 4 });
  });

  it.each([
    ['the codec', { codec: 'hevc' }, /not H.264/],
    ['the profile', { profile: 'High 4:4:4 Predictive' }, /profile/],
    ['the pixel format', { pixFmt: 'yuv420p10le' }, /pixel format/],
    ['rotation', { rotation: 90 as const }, /rotated/],
    ['a variable frame rate', { variableFrameRate: true }, /variable/],
    ['non-square pixels', { sampleAspectRatio: 4 / 3 }, /square/],
    ['a bit rate above the cap', { bitRate: 9_000_000 }, /bit rate/],
    ['peaks beyond the buffer', { peakBitRates: [{ windowSeconds: 1, bitRate: 20_000_000 }] }, /peaks/],
    ['keyframes further apart than a segment', { maxKeyframeIntervalSeconds: 10 }, /keyframes/],
  ])('encodes instead when %s rules copying out', (_, overrides, reason) => {
    const v = video(overrides as Partial<VideoProbe>);
    const decision = decideCopy(v, 60, top(video()));
    expect(decision.copy).toBe(false);
    expect(decision.hlsTime).toBeNull();
    expect(decision.reasons.join('; ')).toMatch(reason);
  });

  it('encodes when the top rendition is not the source size', () => {
    const v = video({ width: 2560, height: 1440, displayWidth: 2560, displayHeight: 1440 });
    expect(decideCopy(v, 60, top(v)).reasons.join()).toMatch(/top rendition is 1920x1080/);
  });

  it('picks a segment length that fits 2.5 s keyframes', () => {
    const v = video({
      keyframeTimes: Array.from({ length: 24 }, (_, i) => i * 2.5),
      maxKeyframeIntervalSeconds: 2.5,
    });
    expect(decideCopy(v, 60, top(v))).toMatchObject({ copy: true, hlsTime: 5 });
  });
});

describe('canQuickPublish', () => {
  const probe = (v: VideoProbe | null, audioCodec: string | null): MediaProbe => ({
    durationSeconds: 60,
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    sizeBytes: 1,
    bitRate: null,
    video: v,
    audio: audioCodec
      ? {
          index: 1,
          codec: audioCodec,
          profile: 'LC',
          channels: 2,
          channelLayout: 'stereo',
          sampleRate: 48000,
          bitRate: null,
        }
      : null,
  });

  it('accepts H.264 with AAC, H.264 alone and AAC alone', () => {
    expect(canQuickPublish(probe(video(), 'aac'))).toBe(true);
    expect(canQuickPublish(probe(video(), null))).toBe(true);
    expect(canQuickPublish(probe(null, 'aac'))).toBe(true);
  });

  it('refuses other codecs and rotated video', () => {
    expect(canQuickPublish(probe(video({ codec: 'vp9' }), 'aac'))).toBe(false);
    expect(canQuickPublish(probe(video(), 'opus'))).toBe(false);
    expect(canQuickPublish(probe(video({ rotation: 270 }), 'aac'))).toBe(false);
  });
});

describe('evenedFrameRate', () => {
  it('keeps constant-rate sources as they are', () => {
    expect(evenedFrameRate({ avgFrameRate: 29.97, rFrameRate: 29.97, variableFrameRate: false })).toBeNull();
  });

  it('evens variable-rate sources out at their rounded average', () => {
    expect(evenedFrameRate({ avgFrameRate: 13.2, rFrameRate: 30, variableFrameRate: true })).toBe(13);
  });

  it('divides rates above 60 down', () => {
    expect(evenedFrameRate({ avgFrameRate: 120, rFrameRate: 120, variableFrameRate: false })).toBe(60);
    expect(evenedFrameRate({ avgFrameRate: 100, rFrameRate: 100, variableFrameRate: false })).toBe(50);
  });
});
