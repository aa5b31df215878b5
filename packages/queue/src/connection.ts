import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection for BullMQ. Workers need maxRetriesPerRequest null so a
 * Redis restart pauses them instead of failing jobs.
 */
export function createRedisConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    ...options,
  });
}

export async function pingRedis(redis: Redis, timeoutMs = 1500): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('Redis did not answer in time')), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Logs a lost Redis connection once per outage, and its return. ioredis reconnects by itself; with
 * no 'error' listener it prints every failed attempt with its stack instead.
 */
export function reportRedisOutages(redis: Redis, report: { down(err: Error): void; back(): void }): void {
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    report.down(err);
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    report.back();
  });
}
