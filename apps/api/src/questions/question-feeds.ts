import {
  type Database,
  findEventQa,
  listPollAnswersOf,
  listPolls,
  listQuestionChangesAfter,
  listQuestions,
  listQuestionVoters,
  listVotesOf,
  type QuestionChange,
} from '@folkemote/db';
import {
  defaultQaSettings,
  type QaSettings,
  type QuestionViewer,
  seesQuestions,
  sortQuestions,
} from '@folkemote/domain';
import type { Logger } from '@folkemote/logger';
import { questionChangesDelivered } from '@folkemote/metrics';
import type { ChannelHub } from '../realtime/channel-hub.ts';
import type { SseFrame, SseStream } from '../realtime/sse-stream.ts';
import { ChangeFrames, SnapshotRenderer, settingsFrame } from './question-frames.ts';

/** One viewer's stream: what it is, who is looking, and whether the role sees questions right now. */
interface FeedConnection {
  stream: SseStream;
  viewer: QuestionViewer;
  sees: boolean;
}

/** The viewers of one event in this process, and how far the process has delivered its changes. */
interface EventFeed {
  eventId: string;
  conns: Set<FeedConnection>;
  /** Newcomers waiting for their snapshot or replay; they join `conns` once it is sent. */
  joining: Array<{ conn: FeedConnection; after: number | null }>;
  /** Newcomers being served right now. */
  batch: Array<{ conn: FeedConnection; after: number | null }>;
  /** The last change delivered to `conns`; -1 until read from the database. */
  lastSeq: number;
  settings: QaSettings;
  wantPull: boolean;
  running: boolean;
  dropped: boolean;
  unsubscribe: (() => void) | null;
}

export interface QuestionFeeds {
  /** Streams the event's changes to a viewer, from `after` (Last-Event-ID) or from a snapshot; returns the detach. */
  attach(eventId: string, stream: SseStream, viewer: QuestionViewer, after: number | null): () => void;
  close(): void;
}

/** Further behind than this, a reconnecting viewer gets a snapshot instead of every change. */
const MAX_REPLAY = 2000;
/** How often each event is checked for changes whose announcement never came (a crashed publisher). */
const SAFETY_POLL_MS = 15_000;

const PAGE = 500;
/** Writes to this many viewers, then lets other work (requests, replies from the database) run. */
const SLICE = 256;

/**
 * Visits every viewer, yielding to the event loop between slices: a fan-out to
 * thousands would otherwise hold up every request of this process meanwhile,
 * and a write request waits on the loop at each of its database round trips.
 */
async function forEachSliced<T>(items: Set<T>, visit: (item: T) => void): Promise<void> {
  let n = 0;
  for (const item of items) {
    visit(item);
    if (++n % SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

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
export function createQuestionFeeds(deps: {
  db: Database;
  hub: ChannelHub;
  log: Logger;
  channelFor: (eventId: string) => string;
}): QuestionFeeds {
  const feeds = new Map<string, EventFeed>();

  const request = (feed: EventFeed) => {
    feed.wantPull = true;
    void run(feed);
  };
  const stopReconnect = deps.hub.onReconnect(() => {
    for (const feed of feeds.values()) request(feed);
  });
  const safety = setInterval(() => {
    for (const feed of feeds.values()) request(feed);
  }, SAFETY_POLL_MS);
  safety.unref();

  function dropIfEmpty(feed: EventFeed) {
    if (feed.dropped || feed.conns.size > 0 || feed.joining.length > 0 || feed.batch.length > 0) return;
    feed.dropped = true;
    if (feeds.get(feed.eventId) === feed) feeds.delete(feed.eventId);
    feed.unsubscribe?.();
  }

  function feedFor(eventId: string): EventFeed {
    const existing = feeds.get(eventId);
    if (existing) return existing;
    const feed: EventFeed = {
      eventId,
      conns: new Set(),
      joining: [],
      batch: [],
      lastSeq: -1,
      settings: defaultQaSettings,
      wantPull: false,
      running: false,
      dropped: false,
      unsubscribe: null,
    };
    feeds.set(eventId, feed);
    deps.hub
      .subscribe(deps.channelFor(eventId), (message) => {
        if (Number(message) > feed.lastSeq) request(feed);
      })
      .then(
        (unsubscribe) => {
          feed.unsubscribe = unsubscribe;
          if (feed.dropped) unsubscribe();
          else void run(feed);
        },
        (err) => {
          deps.log.error({ err, eventId }, 'question feed could not subscribe');
          for (const { conn } of feed.joining.splice(0)) conn.stream.close();
          dropIfEmpty(feed);
        },
      );
    return feed;
  }

  async function run(feed: EventFeed): Promise<void> {
    // Not before the subscription is in place (unsubscribe set), so no announced change can be missed.
    if (feed.running || feed.unsubscribe === null || feed.dropped) return;
    feed.running = true;
    try {
      while (!feed.dropped && (feed.lastSeq < 0 || feed.wantPull || feed.joining.length > 0)) {
        if (feed.lastSeq < 0) {
          // Read after the subscription is confirmed: anything committed later is announced to us.
          const state = await findEventQa(deps.db, feed.eventId);
          feed.lastSeq = state.lastSeq;
          feed.settings = state.settings;
        }
        if (feed.wantPull) {
          feed.wantPull = false;
          await pull(feed);
        }
        if (feed.joining.length > 0) {
          feed.batch = feed.joining.splice(0);
          await join(feed, feed.batch);
          feed.batch = [];
          dropIfEmpty(feed);
        }
      }
    } catch (err) {
      deps.log.error({ err, eventId: feed.eventId }, 'question feed failed; retrying');
      // Newcomers caught in the failure reconnect and resume from their last id.
      for (const { conn } of feed.batch.splice(0)) conn.stream.close();
      dropIfEmpty(feed);
      setTimeout(() => request(feed), 1000).unref();
    } finally {
      feed.running = false;
    }
  }

  async function pull(feed: EventFeed): Promise<void> {
    for (;;) {
      const changes = await listQuestionChangesAfter(deps.db, feed.eventId, feed.lastSeq, { limit: PAGE });
      // Changes that piled up while the loop was busy go out together: one write per viewer, not one per change.
      let run: QuestionChange[] = [];
      for (const change of changes) {
        if (!change.settings) {
          run.push(change);
          continue;
        }
        await deliverQuestions(feed, run);
        run = [];
        await deliver(feed, change);
      }
      await deliverQuestions(feed, run);
      if (changes.length < PAGE) return;
    }
  }

  async function votersFor(change: QuestionChange, viewers: Iterable<FeedConnection>) {
    if (change.kind !== 'merge_target') return null;
    for (const conn of viewers)
      if (conn.viewer.registrationId !== null)
        return new Set(await listQuestionVoters(deps.db, change.questionId!));
    return null;
  }

  async function deliver(feed: EventFeed, change: QuestionChange): Promise<void> {
    if (change.settings) {
      feed.settings = change.settings;
      const flipped: FeedConnection[] = [];
      const frame = settingsFrame(change.seq, change.settings);
      for (const conn of feed.conns) {
        const sees = seesQuestions(conn.viewer, change.settings);
        if (sees !== conn.sees) flipped.push(conn);
        else if (conn.stream.send(frame)) questionChangesDelivered.inc();
      }
      if (flipped.length > 0) {
        // The presenter's view appears (or goes) all at once: the whole list, as of now.
        const snapshot = await snapshotFor(feed, [], change.seq);
        for (const conn of flipped) {
          conn.sees = seesQuestions(conn.viewer, change.settings);
          conn.stream.send(snapshot.renderer.frame(conn.viewer, undefined));
        }
      }
    } else {
      const frames = new ChangeFrames(change, feed.settings, await votersFor(change, feed.conns));
      let delivered = 0;
      await forEachSliced(feed.conns, (conn) => {
        const frame = frames.frameFor(conn.viewer);
        if (frame && conn.stream.send(frame)) delivered += 1;
      });
      questionChangesDelivered.inc(delivered);
    }
    feed.lastSeq = change.seq;
  }

  async function deliverQuestions(feed: EventFeed, changes: QuestionChange[]): Promise<void> {
    if (changes.length === 0) return;
    if (changes.length === 1) return deliver(feed, changes[0]!);
    const frames: ChangeFrames[] = [];
    for (const change of changes)
      frames.push(new ChangeFrames(change, feed.settings, await votersFor(change, feed.conns)));
    // Viewers of the same kind get the same frames: their concatenation is made once.
    const frameIds = new Map<SseFrame, number>();
    const joined = new Map<string, SseFrame>();
    let delivered = 0;
    await forEachSliced(feed.conns, (conn) => {
      const parts: SseFrame[] = [];
      let key = '';
      for (const changeFrames of frames) {
        const frame = changeFrames.frameFor(conn.viewer);
        if (!frame) continue;
        let id = frameIds.get(frame);
        if (id === undefined) {
          id = frameIds.size;
          frameIds.set(frame, id);
        }
        key += `${id},`;
        parts.push(frame);
      }
      if (parts.length === 0) return;
      let buffer = joined.get(key);
      if (!buffer) {
        buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
        joined.set(key, buffer);
      }
      if (conn.stream.send(buffer)) delivered += parts.length;
    });
    questionChangesDelivered.inc(delivered);
    feed.lastSeq = changes.at(-1)!.seq;
  }

  async function snapshotFor(feed: EventFeed, registrationIds: string[], seq: number) {
    const questions = sortQuestions(await listQuestions(deps.db, feed.eventId), feed.settings.sort);
    const voted = new Map<string, Set<string>>();
    for (const vote of await listVotesOf(deps.db, feed.eventId, registrationIds)) {
      const set = voted.get(vote.registrationId) ?? new Set<string>();
      set.add(vote.questionId);
      voted.set(vote.registrationId, set);
    }
    const polls = await listPolls(deps.db, feed.eventId);
    const pollAnswers = await listPollAnswersOf(deps.db, feed.eventId, registrationIds);
    return { renderer: new SnapshotRenderer(questions, feed.settings, seq, polls), voted, pollAnswers };
  }

  async function join(feed: EventFeed, batch: EventFeed['joining']): Promise<void> {
    const open = batch.filter(({ conn }) => !conn.stream.closed);
    const replaying: typeof open = [];
    const snapshotting: typeof open = [];
    for (const entry of open) {
      const { after, conn } = entry;
      // A presenter's view depends on when the Q&A started, so it always starts from the list as it is.
      const replayable =
        after !== null &&
        after <= feed.lastSeq &&
        feed.lastSeq - after <= MAX_REPLAY &&
        conn.viewer.role !== 'presenter';
      (replayable ? replaying : snapshotting).push(entry);
    }
    if (replaying.length > 0) {
      const from = Math.min(...replaying.map((r) => r.after!));
      let cursor = from;
      while (cursor < feed.lastSeq) {
        const changes = await listQuestionChangesAfter(deps.db, feed.eventId, cursor, {
          uptoSeq: feed.lastSeq,
          limit: PAGE,
        });
        if (changes.length === 0) break;
        for (const change of changes) {
          const targets = replaying.filter((r) => change.seq > r.after!).map((r) => r.conn);
          const frames = new ChangeFrames(
            change,
            change.settings ?? feed.settings,
            await votersFor(change, targets),
          );
          for (const conn of targets) {
            const frame = frames.frameFor(conn.viewer);
            if (frame && conn.stream.send(frame)) questionChangesDelivered.inc();
          }
        }
        cursor = changes.at(-1)!.seq;
      }
    }
    if (snapshotting.length > 0) {
      const registrationIds = snapshotting
        .map(({ conn }) => conn.viewer.registrationId)
        .filter((id): id is string => id !== null);
      const { renderer, voted, pollAnswers } = await snapshotFor(feed, registrationIds, feed.lastSeq);
      for (const { conn } of snapshotting) {
        const registrationId = conn.viewer.registrationId;
        conn.stream.send(
          renderer.frame(
            conn.viewer,
            registrationId ? voted.get(registrationId) : undefined,
            registrationId ? pollAnswers.get(registrationId) : undefined,
          ),
        );
      }
    }
    for (const { conn } of open) {
      conn.sees = seesQuestions(conn.viewer, feed.settings);
      if (!conn.stream.closed) feed.conns.add(conn);
    }
    for (const { conn } of batch) if (conn.stream.closed) feed.conns.delete(conn);
  }

  return {
    attach(eventId, stream, viewer, after) {
      const feed = feedFor(eventId);
      const conn: FeedConnection = { stream, viewer, sees: true };
      feed.joining.push({ conn, after });
      void run(feed);
      return () => {
        feed.conns.delete(conn);
        const waiting = feed.joining.findIndex((j) => j.conn === conn);
        if (waiting >= 0) feed.joining.splice(waiting, 1);
        dropIfEmpty(feed);
      };
    },
    close() {
      clearInterval(safety);
      stopReconnect();
      for (const feed of feeds.values()) {
        feed.dropped = true;
        feed.unsubscribe?.();
      }
      feeds.clear();
    },
  };
}
