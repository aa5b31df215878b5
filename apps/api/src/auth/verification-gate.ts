import PQueue from 'p-queue';

/**
 * How many password checks run at once, how many may wait, and for how long. scrypt runs on
 * libuv's thread pool (four threads by default), which file reads and DNS look-ups share, so
 * sign-ins, which anyone on the internet can send, may use only part of it.
 */
export const verificationLimits = { concurrent: 2, waiting: 32, maxWaitMs: 5_000 };

/** The gate is full: the check was never started. */
export class GateBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many sign-ins are being checked right now');
    this.name = 'GateBusy';
  }
}

export interface VerificationGate {
  /** Runs `check` when a slot is free; throws GateBusy when too many wait or the wait runs out. */
  run<T>(check: () => Promise<T>): Promise<T>;
}

export function createVerificationGate(limits = verificationLimits): VerificationGate {
  const queue = new PQueue({ concurrency: limits.concurrent });
  const retryAfterSeconds = Math.max(1, Math.ceil(limits.maxWaitMs / 1000));
  return {
    async run(check) {
      const slotFree = queue.pending < limits.concurrent;
      if (!slotFree && queue.size >= limits.waiting) throw new GateBusy(retryAfterSeconds);
      const waiting = new AbortController();
      const timer = setTimeout(() => waiting.abort(new GateBusy(retryAfterSeconds)), limits.maxWaitMs);
      try {
        // The timer only ends the wait: once the check has started it runs to the end and
        // keeps its slot, so no more than `concurrent` checks ever use the thread pool.
        return await queue.add(
          () => {
            clearTimeout(timer);
            return check();
          },
          { signal: waiting.signal },
        );
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
