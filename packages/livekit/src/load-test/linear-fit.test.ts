import { describe, expect, it } from 'vitest';
import { fitLine } from './linear-fit.ts';

describe('fitLine', () => {
  it('finds the line through points that lie on one', () => {
    const line = fitLine([
      [0, 0.05],
      [10, 0.15],
      [20, 0.25],
    ]);
    expect(line?.slope).toBeCloseTo(0.01, 10);
    expect(line?.intercept).toBeCloseTo(0.05, 10);
  });

  it('splits the difference between scattered points', () => {
    const line = fitLine([
      [0, 0],
      [1, 2],
      [2, 2],
    ]);
    expect(line?.slope).toBeCloseTo(1, 10);
    expect(line?.intercept).toBeCloseTo(1 / 3, 10);
  });

  it('has no line for one point, or for points with one x', () => {
    expect(fitLine([[5, 1]])).toBeUndefined();
    expect(
      fitLine([
        [5, 1],
        [5, 2],
      ]),
    ).toBeUndefined();
  });
});
