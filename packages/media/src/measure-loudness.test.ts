import { describe, expect, it } from 'vitest';
import { computeGainDb, parseEbur128Summary } from './measure-loudness.ts';

const SUMMARY = `[Parsed_ebur128_1 @ 0x5577a1860ac0] Summary:

  Integrated loudness:
    I:         -23.4 LUFS
    Threshold: -33.6 LUFS

  Loudness range:
    LRA:         5.2 LU
    Threshold: -43.6 LUFS
    LRA low:   -27.1 LUFS
    LRA high:  -21.9 LUFS

  True peak:
    Peak:       -4.1 dBFS`;

describe('parseEbur128Summary', () => {
  it('reads integrated loudness, loudness range and true peak', () => {
    expect(parseEbur128Summary(`noise before\n${SUMMARY}`)).toEqual({
      integratedLufs: -23.4,
      truePeakDbtp: -4.1,
      lraLu: 5.2,
    });
  });

  it('turns the -inf of silence into the meter floor', () => {
    const silent = SUMMARY.replace('-23.4 LUFS', '-70.0 LUFS').replace('-4.1 dBFS', '-inf dBFS');
    expect(parseEbur128Summary(silent)).toEqual({ integratedLufs: -70, truePeakDbtp: -99, lraLu: 5.2 });
  });

  it('returns null without a summary', () => {
    expect(parseEbur128Summary('Output #0, null')).toBeNull();
  });
});

describe('computeGainDb', () => {
  const target = { targetLufs: -16, truePeakDbtp: -1.5 };

  it('brings a quiet recording to the target when the peaks allow', () => {
    expect(computeGainDb({ integratedLufs: -30, truePeakDbtp: -20, lraLu: 3 }, target)).toBe(14);
  });

  it('turns a loud recording down', () => {
    expect(computeGainDb({ integratedLufs: -9, truePeakDbtp: -0.5, lraLu: 3 }, target)).toBe(-7);
  });

  it('stops short of the target rather than push peaks over the ceiling', () => {
    expect(computeGainDb({ integratedLufs: -30, truePeakDbtp: -5, lraLu: 12 }, target)).toBe(3);
  });

  it('leaves silence alone', () => {
    expect(computeGainDb({ integratedLufs: -70, truePeakDbtp: -99, lraLu: 0 }, target)).toBe(0);
  });
});
