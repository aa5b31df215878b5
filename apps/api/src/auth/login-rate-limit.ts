import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Sign-in attempts counted in Redis, so the limit holds across API instances:
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
  /**
   * Counts the attempt against the account and the address before its password is checked, in
   * one step, so parallel guesses cannot all slip past the limit: limited when either is spent.
   */
  reserve(email: string, ip: string): Promise<LoginLimitVerdict>;
  /** Gives a reserved attempt back: it was never checked (the server was too busy). */
  release(email: string, ip: string): Promise<void>;
  /** The attempt was right: the account's failures are forgotten and the address's attempt given back. */
  recordSuccess(email: string, ip: string): Promise<void>;
}

// Checks both counters and, only when neither is spent, counts one attempt on each, as one
// script so no other attempt runs in between. The window starts with a key's first attempt.
// Answers {0} when counted, or {scope, ms left} of the first spent counter (1 account, 2 address).
const reserveAttempt = `
for i = 1, 2 do
  local n = tonumber(redis.call('GET', KEYS[i]) or '0')
  if n >= tonumber(ARGV[i]) then return {i, redis.call('PTTL', KEYS[i])} end
end
for i = 1, 2 do
  local n = redis.call('INCR', KEYS[i])
  if n == 1 or redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
end
return {0}`;

// Takes one attempt off each counter given, never below zero.
const giveBack = `
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
return 0`;

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

  return {
    async reserve(email, ip) {
      const reply = (await redis.eval(
        reserveAttempt,
        2,
        accountKey(email),
        addressKey(ip),
        limits.perAccount,
        limits.perAddress,
        limits.windowMs,
      )) as number[];
      const [spent, msLeft] = reply.map(Number) as [number, number | undefined];
      if (spent === 0) return { limited: false };
      const ms = msLeft !== undefined && msLeft > 0 ? msLeft : limits.windowMs;
      return {
        limited: true,
        scope: spent === 1 ? 'account' : 'address',
        retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
      };
    },
    async release(email, ip) {
      await redis.eval(giveBack, 2, accountKey(email), addressKey(ip));
    },
    async recordSuccess(email, ip) {
      await redis.del(accountKey(email));
      await redis.eval(giveBack, 1, addressKey(ip));
    },
  };
}
