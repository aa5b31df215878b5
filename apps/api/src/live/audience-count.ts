import { randomUUID } from 'node:crypto';
import type { Logger } from '@folkemote/logger';
import type { Redis } from 'ioredis';

/**
 * How many attendees are watching an event: the attendees with the room page open
 * (its room stream; several tabs of one attendee count once per instance), summed over API instances. Each instance keeps
 * its own count per event and writes it, with the time, into one Redis hash per
 * event every few seconds; a count not refreshed for a while (an instance that
 * stopped) is left out of the sum. Only ids are kept in memory, nothing in Redis
 * but numbers.
 */
export interface AudienceCount {
  /** Counts this attendee as watching until the returned function is called. */
  track(eventId: string, identity: string): () => void;
  /** The attendees watching the event, on every instance. */
  count(eventId: string): Promise<number>;
  close(): void;
}

const REFRESH_MS = 10_000;
const STALE_MS = 35_000;

export function createAudienceCount(redis: Redis, prefix: string, log: Logger): AudienceCount {
  const instance = randomUUID();
  /** event → identity → open streams of that identity here. */
  const local = new Map<string, Map<string, number>>();
  const keyOf = (eventId: string) => `${prefix}:watching:${eventId}`;

  const write = async (eventId: string) => {
    const watching = local.get(eventId)?.size ?? 0;
    const key = keyOf(eventId);
    if (watching === 0) await redis.hdel(key, instance);
    else
      await redis
        .multi()
        .hset(key, instance, `${watching}:${Date.now()}`)
        .pexpire(key, STALE_MS * 2)
        .exec();
  };
  const writeSoon = (eventId: string) =>
    void write(eventId).catch((err) => log.warn({ err, eventId }, 'audience count not written'));
  const timer = setInterval(() => {
    for (const eventId of local.keys()) writeSoon(eventId);
  }, REFRESH_MS);
  timer.unref();

  return {
    track(eventId, identity) {
      const of = local.get(eventId) ?? new Map<string, number>();
      local.set(eventId, of);
      const before = of.size;
      of.set(identity, (of.get(identity) ?? 0) + 1);
      if (of.size !== before) writeSoon(eventId);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const left = (of.get(identity) ?? 1) - 1;
        if (left > 0) of.set(identity, left);
        else of.delete(identity);
        if (of.size === 0 && local.get(eventId) === of) local.delete(eventId);
        if (left === 0) writeSoon(eventId);
      };
    },
    async count(eventId) {
      // This instance's own number is always current; the others' as last written.
      const entries = await redis.hgetall(keyOf(eventId));
      const now = Date.now();
      let total = local.get(eventId)?.size ?? 0;
      for (const [owner, value] of Object.entries(entries)) {
        if (owner === instance) continue;
        const [n, at] = value.split(':').map(Number);
        if (Number.isFinite(n) && Number.isFinite(at) && now - at! < STALE_MS) total += n!;
      }
      return total;
    },
    close() {
      clearInterval(timer);
    },
  };
}
