import { findWithdrawnStreamGrants, type Queryable } from '@folkemote/db';
import { createLiveKitControl, type LiveKitSettings } from '@folkemote/livekit';
import type { Logger } from '@folkemote/logger';
import {
  type AccessWithdrawal,
  accessWithdrawalChannel,
  publishAccessWithdrawal,
  readAccessWithdrawal,
} from '@folkemote/queue';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { removeWithdrawnParticipants } from '../live/remove-withdrawn-participants.ts';
import type { StreamGrant } from '../participants/stream-grant.ts';
import { type ChannelHub, channelHubFor } from './channel-hub.ts';

/** An open event stream as the access check sees it. */
export interface TrackedStream {
  eventId: string;
  grant: StreamGrant;
  /** Room streams only: who is in the room, and whether a removal keeps them out (hosts may come back). */
  room: { identity: string; removable: boolean } | null;
  /** Ends the stream; the client's reconnection meets the refusal. */
  close(): void;
}

/**
 * Streams are authorised when they connect, and this keeps them honest after:
 * a right withdrawn on any instance (or by the worker) is announced on one Redis
 * channel, and every instance closes its streams that stood on it. A slow timer
 * checks every open stream's right again, in one query per batch, for a message
 * that was lost.
 */
export interface StreamAccess {
  /** Follows an open stream until the returned function is called (when it ends). */
  track(stream: TrackedStream): () => void;
  /**
   * Closes the matching streams here, announces the withdrawal to every other instance, and
   * takes the right's connections out of LiveKit.
   */
  withdraw(withdrawal: AccessWithdrawal): Promise<void>;
  /** Checks every open stream's right against the database now; resolves to the number closed. */
  recheck(): Promise<number>;
  close(): void;
}

/** How often every open stream's right is checked again (the safety net for lost messages). */
const RECHECK_MS = 60_000;

/** Open streams checked per query. */
const BATCH = 1000;

const grantKey = (grant: StreamGrant) => `${grant.kind} ${grant.id}`;

export function createStreamAccess(deps: {
  db: Queryable;
  hub: ChannelHub;
  log: Logger;
  prefix: string;
  /** What else a withdrawal takes away, done once by the instance that announces it (LiveKit). */
  onWithdraw?: (withdrawal: AccessWithdrawal) => Promise<void>;
}): StreamAccess & { ready: Promise<void> } {
  const { db, hub, log, prefix, onWithdraw } = deps;
  const byEvent = new Map<string, Set<TrackedStream>>();
  const byGrant = new Map<string, Set<TrackedStream>>();
  let closed = false;

  const add = <K>(map: Map<K, Set<TrackedStream>>, key: K, stream: TrackedStream) => {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    set.add(stream);
  };
  const remove = <K>(map: Map<K, Set<TrackedStream>>, key: K, stream: TrackedStream) => {
    const set = map.get(key);
    if (set?.delete(stream) && set.size === 0) map.delete(key);
  };
  const untrack = (stream: TrackedStream) => {
    remove(byGrant, grantKey(stream.grant), stream);
    remove(byEvent, stream.eventId, stream);
  };
  const end = (streams: Iterable<TrackedStream>): number => {
    let n = 0;
    for (const stream of [...streams]) {
      untrack(stream);
      try {
        stream.close();
      } catch (err) {
        log.warn({ err, eventId: stream.eventId }, 'stream could not be closed');
      }
      n++;
    }
    return n;
  };

  function apply(withdrawal: AccessWithdrawal): number {
    switch (withdrawal.scope) {
      case 'grant':
        return end(byGrant.get(grantKey(withdrawal)) ?? []);
      case 'event':
        return end(byEvent.get(withdrawal.eventId) ?? []);
      case 'registrations':
        return end(
          [...(byEvent.get(withdrawal.eventId) ?? [])].filter((s) => s.grant.kind === 'registration'),
        );
      case 'room_participant':
        return end(
          [...(byEvent.get(withdrawal.eventId) ?? [])].filter(
            (s) => s.room?.removable && s.room.identity === withdrawal.identity,
          ),
        );
    }
  }

  async function recheckBatch(streams: TrackedStream[]): Promise<number> {
    const ids = (kind: StreamGrant['kind']) =>
      streams.filter((s) => s.grant.kind === kind).map((s) => s.grant.id);
    const withdrawn = await findWithdrawnStreamGrants(db, {
      registrationIds: ids('registration'),
      staffIds: ids('staff'),
      sessionHashes: ids('organiser_session'),
      apiTokenIds: ids('api_token'),
      eventIds: streams.map((s) => s.eventId),
      roomIdentities: streams.flatMap((s) => (s.room?.removable ? [s.room.identity] : [])),
    });
    const granted: Record<StreamGrant['kind'], Set<string>> = {
      registration: withdrawn.registrationIds,
      staff: withdrawn.staffIds,
      organiser_session: withdrawn.sessionHashes,
      api_token: withdrawn.apiTokenIds,
    };
    return end(
      streams.filter(
        (s) =>
          granted[s.grant.kind].has(s.grant.id) ||
          withdrawn.eventIds.has(s.eventId) ||
          (s.room?.removable === true && withdrawn.removedFromRoom.has(`${s.eventId} ${s.room.identity}`)),
      ),
    );
  }

  let checking: Promise<number> | null = null;
  async function recheckAll(): Promise<number> {
    const all = [...byEvent.values()].flatMap((set) => [...set]);
    let n = 0;
    for (let i = 0; i < all.length; i += BATCH) n += await recheckBatch(all.slice(i, i + BATCH));
    return n;
  }
  const recheck = (): Promise<number> => {
    if (!checking)
      checking = recheckAll().finally(() => {
        checking = null;
      });
    return checking;
  };
  const recheckQuietly = () => {
    if (byEvent.size === 0 || closed) return;
    recheck().then(
      (n) => {
        if (n > 0) log.info({ streams: n }, 'streams closed: their access was withdrawn');
      },
      (err) => log.warn({ err }, 'stream access could not be checked; trying again later'),
    );
  };

  const timer = setInterval(recheckQuietly, RECHECK_MS);
  timer.unref();
  // Withdrawals announced while the subscriber was away are lost: check at once instead.
  const stopReconnect = hub.onReconnect(recheckQuietly);
  let unsubscribe: (() => void) | null = null;
  const ready = hub
    .subscribe(accessWithdrawalChannel(prefix), (message) => {
      const withdrawal = readAccessWithdrawal(message);
      if (withdrawal) apply(withdrawal);
      else log.warn('unreadable access withdrawal ignored');
    })
    .then(
      (stop) => {
        unsubscribe = stop;
        if (closed) stop();
      },
      (err) => log.error({ err }, 'access withdrawals could not be subscribed; relying on the timer'),
    );

  return {
    ready,
    track(stream) {
      add(byEvent, stream.eventId, stream);
      add(byGrant, grantKey(stream.grant), stream);
      return () => untrack(stream);
    },
    async withdraw(withdrawal) {
      // Here at once; the message reaches the other instances (and this one again, closing nothing more).
      apply(withdrawal);
      try {
        await publishAccessWithdrawal(hub, prefix, withdrawal);
      } catch (err) {
        log.warn({ err }, 'access withdrawal not announced; other instances close on their next check');
      }
      await onWithdraw?.(withdrawal);
    },
    recheck,
    close() {
      closed = true;
      clearInterval(timer);
      stopReconnect();
      unsubscribe?.();
      byEvent.clear();
      byGrant.clear();
    },
  };
}

const accesses = new WeakMap<FastifyInstance, StreamAccess>();

/** The server's stream access, made on first use: subscribed before the server takes requests, stopped with it. */
export function streamAccessFor(
  app: FastifyInstance,
  deps: {
    db: Queryable;
    redis: Redis;
    log: Logger;
    config: { redis: { queuePrefix: string }; livekit: LiveKitSettings };
  },
): StreamAccess {
  let access = accesses.get(app);
  if (!access) {
    const log = deps.log.child({ component: 'stream-access' });
    const livekit = createLiveKitControl(deps.config.livekit);
    const created = createStreamAccess({
      db: deps.db,
      hub: channelHubFor(app, deps.redis, deps.log),
      log,
      prefix: deps.config.redis.queuePrefix,
      onWithdraw: (withdrawal) => removeWithdrawnParticipants({ db: deps.db, livekit, log }, withdrawal),
    });
    accesses.set(app, created);
    app.addHook('onReady', async () => created.ready);
    app.addHook('onClose', async () => created.close());
    access = created;
  }
  return access;
}
