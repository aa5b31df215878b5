import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface RegistrationRateLimit {
  /** Counts one attempt from `ip`; returns the seconds to wait when over the limit, else null. */
  hit(ip: string): Promise<number | null>;
}

/**
 * A fixed window per IP address in Redis, so the limit holds however many API
 * instances answer. The key holds a hash of the address, never the address.
 */
export function createRegistrationRateLimit(
  redis: Redis,
  prefix: string,
  limit: number,
  windowSeconds: number,
): RegistrationRateLimit {
  return {
    async hit(ip) {
      const key = `${prefix}:rate:registration:${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`;
      // The window starts with the first attempt; SET NX keeps later attempts from extending it.
      const results = (await redis
        .multi()
        .set(key, 0, 'EX', windowSeconds, 'NX')
        .incr(key)
        .ttl(key)
        .exec()) as Array<[Error | null, unknown]>;
      const count = Number(results[1]?.[1]);
      const ttl = Number(results[2]?.[1]);
      return count > limit ? Math.max(1, ttl) : null;
    },
  };
}
