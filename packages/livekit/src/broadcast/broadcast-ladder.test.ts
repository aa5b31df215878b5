import { broadcastRenditions } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { broadcastLadder, constrainedBaselineCodec, h264Level, ladderVariant } from './broadcast-ladder.ts';

describe('h264Level', () => {
  it('is the lowest level that holds the picture at the frame rate', () => {
    expect(h264Level(1280, 720, 30)).toBe(3.1);
    expect(h264Level(1280, 720, 60)).toBe(3.2);
    expect(h264Level(640, 360, 30)).toBe(3);
    expect(h264Level(1920, 1080, 30)).toBe(4);
  });
});

describe('constrainedBaselineCodec', () => {
  it("is RFC 6381's avc1 name of Constrained Baseline at the level, as x264 flags it", () => {
    expect(constrainedBaselineCodec(3.1)).toBe('avc1.42c01f');
    expect(constrainedBaselineCodec(3)).toBe('avc1.42c01e');
    expect(constrainedBaselineCodec(4)).toBe('avc1.42c028');
  });
});

describe('broadcastLadder', () => {
  it("is the domain's ladder, with codecs and a declared bandwidth per rendition", () => {
    const ladder = broadcastLadder(30, { video: true, audio: true });
    expect(ladder.map((r) => r.name)).toEqual(broadcastRenditions.map((r) => r.name));
    expect(ladder.map((r) => [r.name, r.codecs, r.declaredBandwidth])).toEqual([
      ['720p', 'avc1.42c01f,mp4a.40.2', 2_890_800],
      ['360p', 'avc1.42c01e,mp4a.40.2', 875_600],
      ['audio', 'mp4a.40.2', 76_800],
    ]);
  });

  it('has no sound-only rendition without sound, and pictures only with pictures', () => {
    expect(broadcastLadder(30, { video: true, audio: false }).map((r) => [r.name, r.codecs])).toEqual([
      ['720p', 'avc1.42c01f'],
      ['360p', 'avc1.42c01e'],
    ]);
    expect(broadcastLadder(30, { video: false, audio: true }).map((r) => r.name)).toEqual(['audio']);
  });
});

describe('ladderVariant', () => {
  it('declares the bandwidth while live and measures it once closed', () => {
    const [top, , sound] = broadcastLadder(30, { video: true, audio: true });
    expect(ladderVariant(top!, 'live.m3u8')).toEqual({
      uri: '720p/live.m3u8',
      bandwidth: top!.declaredBandwidth,
      resolution: { width: 1280, height: 720 },
      codecs: 'avc1.42c01f,mp4a.40.2',
    });
    expect(ladderVariant(sound!, 'index.m3u8', { bandwidth: 70_000, averageBandwidth: 66_000 })).toEqual({
      uri: 'audio/index.m3u8',
      bandwidth: 70_000,
      averageBandwidth: 66_000,
      codecs: 'mp4a.40.2',
    });
  });
});
