import type { Redis } from 'ioredis';

// Counts `ARGV[1]` attempts at once. The window starts with the first attempt (the key's creation),
// later ones never extend it, and a key that somehow lost its expiry gets one back.
const countAttempts = `
local n = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('TTL', KEYS[1])
if n == tonumber(ARGV[1]) or ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {n, ttl}`;

/**
 * A fixed-window counter in Redis, so a limit holds across every API instance:
 * adds `attempts` to the key's count in one round trip and answers the count
 * after them and the seconds left in the window.
 */
export async function countInWindow(
  redis: Redis,
  key: string,
  attempts: number,
  windowSeconds: number,
): Promise<{ count: number; secondsLeft: number }> {
  const reply = await redis.eval(countAttempts, 1, key, attempts, windowSeconds);
  const [count, secondsLeft] = (reply as [number, number]).map(Number) as [number, number];
  return { count, secondsLeft };
}
