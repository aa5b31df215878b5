import { randomBytes } from 'node:crypto';
import { createRedisConnection } from '@folkemote/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistrationRateLimit } from '../src/registrations/registration-rate-limit.ts';

describe('the registration rate limit', () => {
  let redis: ReturnType<typeof createRedisConnection>;
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  beforeAll(() => {
    redis = createRedisConnection('redis://127.0.0.1:6379');
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('counts attempts that arrive together one by one, in order, per address', async () => {
    const limit = createRegistrationRateLimit(redis, prefix, 3, 600);
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => limit.hit('192.0.2.1')),
      limit.hit('192.0.2.2'),
    ]);
    expect(answers.slice(0, 3)).toEqual([null, null, null]);
    for (const wait of answers.slice(3, 5)) expect(wait).toBeGreaterThan(590);
    expect(answers[5]).toBeNull();
    // A later turn continues the same window.
    expect(await limit.hit('192.0.2.2')).toBeNull();
    expect(await limit.hit('192.0.2.2')).toBeNull();
    expect(await limit.hit('192.0.2.2')).toBeGreaterThan(590);
  });

  it('starts the window with the first attempt and never extends it', async () => {
    const limit = createRegistrationRateLimit(redis, `${prefix}-window`, 100, 2);
    await limit.hit('198.51.100.7');
    const [key] = await redis.keys(`${prefix}-window:rate:registration:*`);
    expect(key).toBeTruthy();
    expect(key).not.toContain('198.51.100.7');
    const ttl = await redis.pttl(key!);
    await new Promise((r) => setTimeout(r, 300));
    await limit.hit('198.51.100.7');
    expect(await redis.pttl(key!)).toBeLessThan(ttl);
  });
});
