import { describe, expect, it } from 'vitest';
import {
  analysePackets,
  isVariableFrameRate,
  type PacketInfo,
  parsePacketLine,
  peakBitRate,
} from './analyse-packets.ts';

function packets(count: number, fps: number, gop: number, size = 1000): PacketInfo[] {
  return Array.from({ length: count }, (_, i) => ({
    pts: i / fps,
    dts: i / fps,
    duration: 1 / fps,
    size: i % gop === 0 ? size * 10 : size,
    key: i % gop === 0,
  }));
}

describe('parsePacketLine', () => {
  it('reads compact ffprobe packet lines', () => {
    expect(
      parsePacketLine('pts_time=1.033333|dts_time=0.966667|duration_time=0.033333|size=2378|flags=K__'),
    ).toEqual({
      pts: 1.033333,
      dts: 0.966667,
      duration: 0.033333,
      size: 2378,
      key: true,
    });
    expect(parsePacketLine('pts_time=N/A|dts_time=1|duration_time=N/A|size=5|flags=__')).toMatchObject({
      key: false,
      size: 5,
    });
    expect(parsePacketLine('')).toBeNull();
  });
});

describe('analysePackets', () => {
  it('finds keyframes, their longest gap and the end of the stream', () => {
    const analysis = analysePackets(packets(300, 30, 60), 10);
    expect(analysis.keyframeTimes).toEqual([0, 2, 4, 6, 8]);
    expect(analysis.maxKeyframeIntervalSeconds).toBe(2);
    expect(analysis.endTime).toBeCloseTo(10);
    expect(analysis.variableFrameRate).toBe(false);
  });

  it('counts the tail after the last keyframe as an interval', () => {
    expect(analysePackets(packets(300, 30, 60), 14).maxKeyframeIntervalSeconds).toBe(6);
    expect(analysePackets(packets(300, 30, 150), 12).maxKeyframeIntervalSeconds).toBe(7);
  });

  it('measures times from the first packet, not from zero', () => {
    const shifted = packets(60, 30, 30).map((p) => ({ ...p, pts: p.pts + 1.5, dts: p.dts + 1.5 }));
    expect(analysePackets(shifted, 2).keyframeTimes).toEqual([0, 1]);
  });

  it('measures the B-frame decode delay', () => {
    const reordered: PacketInfo[] = [
      { pts: 0, dts: -0.066, duration: 0.033, size: 10, key: true },
      { pts: 0.1, dts: -0.033, duration: 0.033, size: 10, key: false },
      { pts: 0.033, dts: 0, duration: 0.033, size: 10, key: false },
    ];
    expect(analysePackets(reordered, 1).decodeDelaySeconds).toBe(0.066);
    expect(analysePackets(packets(30, 30, 30), 1).decodeDelaySeconds).toBe(0);
  });

  it('reports an empty stream', () => {
    expect(analysePackets([], 10)).toMatchObject({ packetCount: 0, keyframeTimes: [], bitRate: null });
  });
});

describe('isVariableFrameRate', () => {
  it('accepts millisecond rounding but not frames that come and go', () => {
    const steady = Array.from({ length: 100 }, (_, i) => Math.round((i / 30) * 1000) / 1000);
    expect(isVariableFrameRate(steady)).toBe(false);
    const uneven = steady.filter((_, i) => i % 3 === 0 || i % 7 === 0);
    expect(isVariableFrameRate(uneven)).toBe(true);
  });
});

describe('peakBitRate', () => {
  it('finds the densest window', () => {
    const list: PacketInfo[] = [
      { pts: 0, dts: 0, duration: 1, size: 1000, key: true },
      { pts: 1, dts: 1, duration: 1, size: 1000, key: false },
      { pts: 2, dts: 2, duration: 1, size: 5000, key: false },
      { pts: 3, dts: 3, duration: 1, size: 1000, key: false },
    ];
    expect(peakBitRate(list, 1)).toBe(40_000);
    expect(peakBitRate(list, 2)).toBe(24_000);
  });
});
