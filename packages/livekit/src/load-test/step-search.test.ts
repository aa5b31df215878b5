import { describe, expect, it } from 'vitest';
import { largestCarried, nextSubscriberCount, type StepOutcome, type StepPlan } from './step-search.ts';

const plan: StepPlan = { first: 5, max: 160, maxSteps: 8, resolution: 2 };
const carried = (subscribers: number): StepOutcome => ({ subscribers, carried: true });
const failed = (subscribers: number): StepOutcome => ({ subscribers, carried: false });

/** Runs the search against a node that carries up to `capacity` subscribers. */
function search(capacity: number, over: StepPlan = plan): number[] {
  const outcomes: StepOutcome[] = [];
  for (
    let n = nextSubscriberCount(outcomes, over);
    n !== undefined;
    n = nextSubscriberCount(outcomes, over)
  ) {
    outcomes.push({ subscribers: n, carried: n <= capacity });
  }
  return outcomes.map((o) => o.subscribers);
}

describe('nextSubscriberCount', () => {
  it('starts at the first count and doubles while the node carries the load', () => {
    expect(nextSubscriberCount([], plan)).toBe(5);
    expect(nextSubscriberCount([carried(5)], plan)).toBe(10);
    expect(nextSubscriberCount([carried(5), carried(10), carried(20)], plan)).toBe(40);
  });

  it('halves the gap after the first failure, until the gap is within the resolution', () => {
    expect(search(27)).toEqual([5, 10, 20, 40, 30, 25, 28, 27]);
  });

  it('stops at the maximum when the node carries it', () => {
    expect(search(1_000, { ...plan, max: 30 })).toEqual([5, 10, 20, 30]);
  });

  it('looks below the first count when the node carries not even that', () => {
    expect(search(2)).toEqual([5, 3, 2]);
    expect(search(0, { ...plan, resolution: 1 })).toEqual([5, 3, 2, 1]);
  });

  it('never takes more steps than the plan allows', () => {
    expect(search(27, { ...plan, maxSteps: 5 })).toEqual([5, 10, 20, 40, 30]);
  });
});

describe('largestCarried', () => {
  it('is the largest count carried below the smallest failure', () => {
    expect(largestCarried([carried(5), carried(10), failed(20), carried(15)])).toBe(15);
  });

  it('ignores a count carried above a count that failed (noise on a shared machine)', () => {
    expect(largestCarried([carried(10), failed(20), failed(15), carried(18)])).toBe(10);
  });

  it('is 0 when nothing was carried', () => {
    expect(largestCarried([failed(5)])).toBe(0);
  });
});
