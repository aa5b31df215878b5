import { describe, expect, it } from 'vitest';
import { createOutageBackoff } from './outage-wait.ts';

describe('createOutageBackoff', () => {
  it('doubles each job’s wait up to the ceiling, and starts again once the job is done', () => {
    const backoff = createOutageBackoff(1_000, 8_000);
    expect([1, 2, 3, 4, 5].map(() => backoff.next('a'))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(backoff.next('b')).toBe(1_000);
    backoff.forget('a');
    expect(backoff.next('a')).toBe(1_000);
  });
});
