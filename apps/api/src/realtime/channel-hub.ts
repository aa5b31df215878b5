import type { Logger } from '@folkemote/logger';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';

export type ChannelListener = (message: string) => void;

/**
 * Redis pub/sub for one API process: ONE subscriber connection, whatever the
 * number of channels and listeners. A channel is subscribed while at least one
 * listener wants it, so viewers of an event cost nothing in Redis beyond the first.
 */
export interface ChannelHub {
  /** Resolves once Redis has confirmed the subscription; messages published after that arrive. */
  subscribe(channel: string, listener: ChannelListener): Promise<() => void>;
  publish(channel: string, message: string): Promise<void>;
  /** Called when the subscriber has reconnected: messages sent meanwhile are lost, readers must catch up. */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
}

export function createChannelHub(redis: Redis, log: Logger): ChannelHub {
  const listeners = new Map<string, Set<ChannelListener>>();
  // Subscribing and unsubscribing a channel happen in order, one after another.
  const pending = new Map<string, Promise<void>>();
  const reconnectListeners = new Set<() => void>();
  let subscriber: Redis | null = null;
  let readyOnce = false;
  let closed = false;

  const connection = () => {
    if (subscriber) return subscriber;
    subscriber = redis.duplicate({ lazyConnect: false, maxRetriesPerRequest: null });
    subscriber.on('message', (channel: string, message: string) => {
      const set = listeners.get(channel);
      if (!set) return;
      for (const listener of set) {
        try {
          listener(message);
        } catch (err) {
          log.error({ err }, 'channel listener failed');
        }
      }
    });
    subscriber.on('ready', () => {
      if (!readyOnce) {
        readyOnce = true;
        return;
      }
      log.warn('pub/sub connection back; readers catch up');
      for (const listener of reconnectListeners) listener();
    });
    subscriber.on('error', (err) => log.warn({ err: err.message }, 'pub/sub connection error'));
    return subscriber;
  };

  const inOrder = (channel: string, step: () => Promise<unknown>): Promise<void> => {
    const next = (pending.get(channel) ?? Promise.resolve()).then(step).then(
      () => undefined,
      (err) => log.warn({ err: err?.message }, 'pub/sub (un)subscribe failed'),
    );
    pending.set(channel, next);
    void next.finally(() => {
      if (pending.get(channel) === next) pending.delete(channel);
    });
    return next;
  };

  return {
    async subscribe(channel, listener) {
      if (closed) throw new Error('The channel hub is closed');
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        const sub = connection();
        await inOrder(channel, () => sub.subscribe(channel));
      } else {
        // Someone else subscribed first: wait until Redis has confirmed it.
        await pending.get(channel);
      }
      set.add(listener);
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        set.delete(listener);
        if (set.size > 0 || listeners.get(channel) !== set) return;
        listeners.delete(channel);
        const sub = subscriber;
        if (sub && !closed)
          void inOrder(channel, () =>
            // A listener that came back meanwhile has its own subscription queued after this one.
            listeners.has(channel) ? Promise.resolve() : sub.unsubscribe(channel),
          );
      };
    },
    async publish(channel, message) {
      await redis.publish(channel, message);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      reconnectListeners.clear();
      if (subscriber) subscriber.disconnect();
      subscriber = null;
    },
  };
}

const hubs = new WeakMap<FastifyInstance, ChannelHub>();

/** The process's hub for this server, made on first use and closed with the server. */
export function channelHubFor(app: FastifyInstance, redis: Redis, log: Logger): ChannelHub {
  let hub = hubs.get(app);
  if (!hub) {
    const created = createChannelHub(redis, log);
    hubs.set(app, created);
    app.addHook('onClose', async () => created.close());
    hub = created;
  }
  return hub;
}
