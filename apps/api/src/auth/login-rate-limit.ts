import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { countInWindow } from '../count-in-window.ts';

/**
 * Failed sign-ins counted in Redis, so the limit holds across API instances:
 * five wrong passwords for one account, or twenty from one address, within
 * fifteen minutes lock that account or address out until the window ends.
 */
export const loginLimits = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perAddress: 20,
};

export type LoginLimitVerdict =
  | { limited: false }
  | { limited: true; scope: 'account' | 'address'; retryAfterSeconds: number };

export interface LoginRateLimit {
  check(email: string, ip: string): Promise<LoginLimitVerdict>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

// Keys carry a hash, never the e-mail address or IP address itself.
const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

export function createLoginRateLimit(
  redis: Redis,
  prefix: string,
  limits: typeof loginLimits = loginLimits,
): LoginRateLimit {
  const accountKey = (email: string) =>
    `${prefix}:login-failures:account:${digest(email.trim().toLowerCase())}`;
  const addressKey = (ip: string) => `${prefix}:login-failures:address:${digest(ip)}`;
  const retryAfter = async (key: string) => {
    const ms = await redis.pttl(key);
    return Math.max(1, Math.ceil((ms > 0 ? ms : limits.windowMs) / 1000));
  };
  const bump = (key: string) => countInWindow(redis, key, 1, Math.ceil(limits.windowMs / 1000));

  return {
    async check(email, ip) {
      const [account, address] = await redis.mget(accountKey(email), addressKey(ip));
      if (Number(account ?? 0) >= limits.perAccount)
        return { limited: true, scope: 'account', retryAfterSeconds: await retryAfter(accountKey(email)) };
      if (Number(address ?? 0) >= limits.perAddress)
        return { limited: true, scope: 'address', retryAfterSeconds: await retryAfter(addressKey(ip)) };
      return { limited: false };
    },
    async recordFailure(email, ip) {
      await Promise.all([bump(accountKey(email)), bump(addressKey(ip))]);
    },
    async recordSuccess(email) {
      await redis.del(accountKey(email));
    },
  };
}
