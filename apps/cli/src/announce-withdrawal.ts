import { type AccessWithdrawal, createRedisConnection, publishAccessWithdrawal } from '@folkemote/queue';

/**
 * Tells every API instance, through Redis, that a right is withdrawn, so they
 * close the streams opened with it now rather than at their next re-check
 * (within a minute). False when Redis does not answer; the re-check still
 * closes them.
 */
export async function announceWithdrawal(
  redisUrl: string,
  prefix: string,
  withdrawal: AccessWithdrawal,
): Promise<boolean> {
  const redis = createRedisConnection(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await publishAccessWithdrawal(redis, prefix, withdrawal);
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
