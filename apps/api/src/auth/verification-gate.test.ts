import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVerificationGate, GateBusy } from './verification-gate.ts';

/** A check that runs until the test lets it finish. */
function heldCheck() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const check = vi.fn(async () => {
    await done;
    return true;
  });
  return { check, finish };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('verification gate', () => {
  it('runs no more checks at once than it allows, and the next when one ends', async () => {
    const gate = createVerificationGate({ concurrent: 2, waiting: 10, maxWaitMs: 60_000 });
    const checks = [heldCheck(), heldCheck(), heldCheck()];
    const results = checks.map(({ check }) => gate.run(check));
    await settle();
    expect(checks.map(({ check }) => check.mock.calls.length)).toEqual([1, 1, 0]);
    checks[0]!.finish();
    await settle();
    expect(checks[2]!.check).toHaveBeenCalledTimes(1);
    for (const { finish } of checks) finish();
    expect(await Promise.all(results)).toEqual([true, true, true]);
  });

  it('refuses at once when as many wait as it allows, and never runs the refused check', async () => {
    const gate = createVerificationGate({ concurrent: 1, waiting: 1, maxWaitMs: 60_000 });
    const running = heldCheck();
    const queued = heldCheck();
    const refused = heldCheck();
    const first = gate.run(running.check);
    const second = gate.run(queued.check);
    await settle();
    const third = gate.run(refused.check);
    await expect(third).rejects.toBeInstanceOf(GateBusy);
    await expect(third).rejects.toMatchObject({ retryAfterSeconds: 60 });
    running.finish();
    queued.finish();
    await Promise.all([first, second]);
    expect(refused.check).not.toHaveBeenCalled();
  });

  it('lets no one wait when it allows none, yet runs a check while a slot is free', async () => {
    const gate = createVerificationGate({ concurrent: 1, waiting: 0, maxWaitMs: 60_000 });
    const running = heldCheck();
    const first = gate.run(running.check);
    await expect(gate.run(heldCheck().check)).rejects.toBeInstanceOf(GateBusy);
    running.finish();
    expect(await first).toBe(true);
    expect(await gate.run(async () => 'next')).toBe('next');
  });

  it('ends a wait that runs out, but never a check that has started', async () => {
    vi.useFakeTimers();
    const gate = createVerificationGate({ concurrent: 1, waiting: 5, maxWaitMs: 5_000 });
    const running = heldCheck();
    const waiting = heldCheck();
    const first = gate.run(running.check);
    const second = gate.run(waiting.check);
    const secondRefused = expect(second).rejects.toBeInstanceOf(GateBusy);
    await vi.advanceTimersByTimeAsync(5_000);
    await secondRefused;
    expect(waiting.check).not.toHaveBeenCalled();
    // The running check outlived the wait limit and still ends with its own answer.
    running.finish();
    expect(await first).toBe(true);
  });
});
