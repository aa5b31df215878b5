import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { countInWindow } from '../count-in-window.ts';

export interface RegistrationRateLimit {
  /** Counts one attempt from `ip`; returns the seconds to wait when over the limit, else null. */
  hit(ip: string): Promise<number | null>;
}

interface Waiting {
  resolve(waitSeconds: number | null): void;
  reject(err: unknown): void;
}

/**
 * A fixed window per IP address in Redis, so the limit holds however many API
 * instances answer. The key holds a hash of the address, never the address.
 *
 * Attempts that arrive in the same turn of the event loop are counted together,
 * with one script call per address, so a burst of registrations costs a
 * handful of Redis round trips instead of one each. Each attempt still gets the
 * count it would have had alone, in arrival order.
 */
export function createRegistrationRateLimit(
  redis: Redis,
  prefix: string,
  limit: number,
  windowSeconds: number,
): RegistrationRateLimit {
  let pending = new Map<string, Waiting[]>();

  async function flush() {
    const batch = pending;
    pending = new Map();
    await Promise.all(
      [...batch].map(async ([key, waiting]) => {
        try {
          const { count, secondsLeft } = await countInWindow(redis, key, waiting.length, windowSeconds);
          const first = count - waiting.length + 1;
          waiting.forEach((w, i) => {
            w.resolve(first + i > limit ? Math.max(1, secondsLeft) : null);
          });
        } catch (err) {
          for (const w of waiting) w.reject(err);
        }
      }),
    );
  }

  return {
    hit(ip) {
      const key = `${prefix}:rate:registration:${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`;
      return new Promise((resolve, reject) => {
        if (pending.size === 0) setImmediate(() => void flush());
        const waiting = pending.get(key);
        if (waiting) waiting.push({ resolve, reject });
        else pending.set(key, [{ resolve, reject }]);
      });
    },
  };
}
