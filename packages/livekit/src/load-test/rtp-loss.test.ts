import { describe, expect, it } from 'vitest';
import { countersBetween, type InboundCounters, lossFraction, summariseLoss } from './rtp-loss.ts';

const counters = (packetsReceived: number, packetsLost: number, bytesReceived = 0, framesDecoded = 0) =>
  ({ packetsReceived, packetsLost, bytesReceived, framesDecoded }) satisfies InboundCounters;

describe('countersBetween', () => {
  it('subtracts the earlier reading from the later one', () => {
    expect(countersBetween(counters(1_000, 4, 900_000, 300), counters(1_450, 9, 1_300_000, 420))).toEqual(
      counters(450, 5, 400_000, 120),
    );
  });

  it('takes a stream first seen in the later reading whole', () => {
    expect(countersBetween(undefined, counters(10, 1, 5, 2))).toEqual(counters(10, 1, 5, 2));
  });
});

describe('lossFraction', () => {
  it('is lost over expected (received + lost)', () => {
    expect(lossFraction(counters(990, 10))).toBeCloseTo(0.01, 10);
  });

  it('counts late packets that lowered the lost counter as no loss', () => {
    expect(lossFraction(counters(500, -3))).toBe(0);
  });

  it('has no value for a window in which nothing was expected', () => {
    expect(lossFraction(counters(0, 0))).toBeUndefined();
  });
});

describe('summariseLoss', () => {
  it('weighs every packet alike and names the worst stream and the starved ones', () => {
    const summary = summariseLoss([counters(900, 100), counters(9_000, 0), counters(0, 0)]);
    expect(summary.overall).toBeCloseTo(100 / 10_000, 10);
    expect(summary.worst).toBeCloseTo(0.1, 10);
    expect(summary.starved).toBe(1);
  });

  it('is zero loss for no streams at all', () => {
    expect(summariseLoss([])).toEqual({ overall: 0, worst: 0, starved: 0 });
  });
});
