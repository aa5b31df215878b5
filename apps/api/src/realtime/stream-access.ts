import type { Queryable } from '@folkemote/db';
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
import { type ChannelHub, channelHubFor } from './channel-hub.ts';
import { findWithdrawnStreams, type TrackedStream, TrackedStreams } from './tracked-streams.ts';

export type { TrackedStream } from './tracked-streams.ts';

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

interface StreamAccessDeps {
  db: Queryable;
  hub: ChannelHub;
  log: Logger;
  prefix: string;
  /** What else a withdrawal takes away, done once by the instance that announces it (LiveKit). */
  onWithdraw?: (withdrawal: AccessWithdrawal) => Promise<void>;
}

/** Checks every open stream's right again, a batch per query; one check at a time, shared by its callers. */
function createRecheck(db: Queryable, streams: TrackedStreams): () => Promise<number> {
  let checking: Promise<number> | null = null;
  async function recheckAll(): Promise<number> {
    const all = streams.all();
    let n = 0;
    for (let i = 0; i < all.length; i += BATCH)
      n += streams.end(await findWithdrawnStreams(db, all.slice(i, i + BATCH)));
    return n;
  }
  return () => {
    if (!checking)
      checking = recheckAll().finally(() => {
        checking = null;
      });
    return checking;
  };
}

/** Closes this instance's streams on every withdrawal announced on the channel; resolves once subscribed. */
function subscribeToWithdrawals(
  { hub, log, prefix }: StreamAccessDeps,
  streams: TrackedStreams,
  isClosed: () => boolean,
): { ready: Promise<void>; unsubscribe: () => void } {
  let unsubscribe: (() => void) | null = null;
  const ready = hub
    .subscribe(accessWithdrawalChannel(prefix), (message) => {
      const withdrawal = readAccessWithdrawal(message);
      if (withdrawal) streams.end(streams.matching(withdrawal));
      else log.warn('unreadable access withdrawal ignored');
    })
    .then(
      (stop) => {
        unsubscribe = stop;
        if (isClosed()) stop();
      },
      (err) => log.error({ err }, 'access withdrawals could not be subscribed; relying on the timer'),
    );
  return { ready, unsubscribe: () => unsubscribe?.() };
}

export function createStreamAccess(deps: StreamAccessDeps): StreamAccess & { ready: Promise<void> } {
  const { db, hub, log, prefix, onWithdraw } = deps;
  const streams = new TrackedStreams(log);
  let closed = false;
  const recheck = createRecheck(db, streams);
  const recheckQuietly = () => {
    if (streams.isEmpty || closed) return;
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
  const subscription = subscribeToWithdrawals(deps, streams, () => closed);

  return {
    ready: subscription.ready,
    track(stream) {
      streams.add(stream);
      return () => streams.remove(stream);
    },
    async withdraw(withdrawal) {
      // Here at once; the message reaches the other instances (and this one again, closing nothing more).
      streams.end(streams.matching(withdrawal));
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
      subscription.unsubscribe();
      streams.clear();
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
