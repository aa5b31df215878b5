import { describe, expect, it } from 'vitest';
import { runBounded } from './run-bounded.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('runBounded', () => {
  it('keeps results in input order and never runs more than the bound at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await runBounded([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      for (let i = 0; i < n; i++) await tick();
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('starts nothing new after a failure and rejects with the first failure', async () => {
    const started: number[] = [];
    const run = runBounded([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error('first failed');
      if (n === 2) throw new Error('second failed');
      return n;
    });
    await expect(run).rejects.toThrow('first failed');
    expect(started).toEqual([1, 2]);
  });

  it('refuses a bound below one', async () => {
    await expect(runBounded([1], 0, async (n) => n)).rejects.toThrow('concurrency');
  });
});
