import { describe, expect, it } from 'vitest';
import { computeProgress } from './progress.ts';

describe('computeProgress', () => {
  it('gives percent and an ETA from the rate so far', () => {
    expect(computeProgress('transcoding', 30, 120, 10_000)).toEqual({
      stage: 'transcoding',
      percent: 25,
      etaSeconds: 30,
    });
  });

  it('keeps the ETA unknown at the very start and for an unknown total', () => {
    expect(computeProgress('transcoding', 0, 120, 100).etaSeconds).toBeNull();
    expect(computeProgress('transcoding', 5, 0, 5000)).toEqual({
      stage: 'transcoding',
      percent: 0,
      etaSeconds: null,
    });
  });

  it('clamps a position past the end to 100 %', () => {
    expect(computeProgress('remuxing', 130, 120, 4000)).toMatchObject({ percent: 100, etaSeconds: 0 });
  });
});
