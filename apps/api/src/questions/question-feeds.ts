import { type Database, findEventQa } from '@folkemote/db';
import type { QuestionViewer } from '@folkemote/domain';
import type { Logger } from '@folkemote/logger';
import type { ChannelHub } from '../realtime/channel-hub.ts';
import type { SseStream } from '../realtime/sse-stream.ts';
import {
  type EventFeed,
  type FeedConnection,
  feedHasWork,
  isFeedEmpty,
  newEventFeed,
} from './question-feed.ts';
import { pullChanges } from './question-feed-fan-out.ts';
import { joinFeed } from './question-feed-join.ts';

export interface QuestionFeeds {
  /** Streams the event's changes to a viewer, from `after` (Last-Event-ID) or from a snapshot; returns the detach. */
  attach(eventId: string, stream: SseStream, viewer: QuestionViewer, after: number | null): () => void;
  close(): void;
}

interface FeedDeps {
  db: Database;
  hub: ChannelHub;
  log: Logger;
  channelFor: (eventId: string) => string;
}

/** How often each event is checked for changes whose announcement never came (a crashed publisher). */
const SAFETY_POLL_MS = 15_000;

/**
 * Fans an event's changes out to its viewers in this process. The database is
 * the truth: a message on the event's channel only says "changes up to seq N
 * exist", and the feed reads every change after the last it delivered, in order,
 * once for all its viewers. So a lost or reordered message costs nothing but a
 * short delay, and no viewer gets a change twice or misses one.
 *
 * Newcomers are served by the same loop, between deliveries: the replay (or
 * snapshot) runs up to exactly the change the live viewers have had, and the
 * newcomer joins them after it; nothing can fall between the two.
 */
export function createQuestionFeeds(deps: FeedDeps): QuestionFeeds {
  return new EventFeeds(deps);
}

/** One feed per event in this process, each with its own loop. */
class EventFeeds implements QuestionFeeds {
  private readonly feeds = new Map<string, EventFeed>();
  private readonly safety: NodeJS.Timeout;
  private readonly stopReconnect: () => void;

  constructor(private readonly deps: FeedDeps) {
    const requestAll = () => {
      for (const feed of this.feeds.values()) this.request(feed);
    };
    this.stopReconnect = deps.hub.onReconnect(requestAll);
    this.safety = setInterval(requestAll, SAFETY_POLL_MS);
    this.safety.unref();
  }

  attach(eventId: string, stream: SseStream, viewer: QuestionViewer, after: number | null): () => void {
    const feed = this.feedFor(eventId);
    const conn: FeedConnection = { stream, viewer, sees: true };
    feed.joining.push({ conn, after });
    void this.run(feed);
    return () => {
      feed.conns.delete(conn);
      const waiting = feed.joining.findIndex((j) => j.conn === conn);
      if (waiting >= 0) feed.joining.splice(waiting, 1);
      this.dropIfEmpty(feed);
    };
  }

  close(): void {
    clearInterval(this.safety);
    this.stopReconnect();
    for (const feed of this.feeds.values()) {
      feed.dropped = true;
      feed.unsubscribe?.();
    }
    this.feeds.clear();
  }

  private request(feed: EventFeed): void {
    feed.wantPull = true;
    void this.run(feed);
  }

  private dropIfEmpty(feed: EventFeed): void {
    if (feed.dropped || !isFeedEmpty(feed)) return;
    feed.dropped = true;
    if (this.feeds.get(feed.eventId) === feed) this.feeds.delete(feed.eventId);
    feed.unsubscribe?.();
  }

  private feedFor(eventId: string): EventFeed {
    const existing = this.feeds.get(eventId);
    if (existing) return existing;
    const feed = newEventFeed(eventId);
    this.feeds.set(eventId, feed);
    this.subscribe(feed);
    return feed;
  }

  private subscribe(feed: EventFeed): void {
    this.deps.hub
      .subscribe(this.deps.channelFor(feed.eventId), (message) => {
        if (Number(message) > feed.lastSeq) this.request(feed);
      })
      .then(
        (unsubscribe) => {
          feed.unsubscribe = unsubscribe;
          if (feed.dropped) unsubscribe();
          else void this.run(feed);
        },
        (err) => {
          this.deps.log.error({ err, eventId: feed.eventId }, 'question feed could not subscribe');
          for (const { conn } of feed.joining.splice(0)) conn.stream.close();
          this.dropIfEmpty(feed);
        },
      );
  }

  private async run(feed: EventFeed): Promise<void> {
    // Not before the subscription is in place (unsubscribe set), so no announced change can be missed.
    if (feed.running || feed.unsubscribe === null || feed.dropped) return;
    feed.running = true;
    try {
      while (feedHasWork(feed)) await this.step(feed);
    } catch (err) {
      this.deps.log.error({ err, eventId: feed.eventId }, 'question feed failed; retrying');
      // Newcomers caught in the failure reconnect and resume from their last id.
      for (const { conn } of feed.batch.splice(0)) conn.stream.close();
      this.dropIfEmpty(feed);
      setTimeout(() => this.request(feed), 1000).unref();
    } finally {
      feed.running = false;
    }
  }

  /** One turn of the feed's loop: its first read, then announced changes, then newcomers. */
  private async step(feed: EventFeed): Promise<void> {
    if (feed.lastSeq < 0) {
      // Read after the subscription is confirmed: anything committed later is announced to us.
      const state = await findEventQa(this.deps.db, feed.eventId);
      feed.lastSeq = state.lastSeq;
      feed.settings = state.settings;
    }
    if (feed.wantPull) {
      feed.wantPull = false;
      await pullChanges(this.deps.db, feed);
    }
    if (feed.joining.length > 0) {
      feed.batch = feed.joining.splice(0);
      await joinFeed(this.deps.db, feed, feed.batch);
      feed.batch = [];
      this.dropIfEmpty(feed);
    }
  }
}
