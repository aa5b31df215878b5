import { defaultQaSettings, type QaSettings, type QuestionViewer } from '@folkemote/domain';
import type { SseStream } from '../realtime/sse-stream.ts';

/** One viewer's stream: what it is, who is looking, and whether the role sees questions right now. */
export interface FeedConnection {
  stream: SseStream;
  viewer: QuestionViewer;
  sees: boolean;
}

/** A viewer waiting to be served, and the last change it has had (Last-Event-ID), if any. */
export interface JoiningViewer {
  conn: FeedConnection;
  after: number | null;
}

/** The viewers of one event in this process, and how far the process has delivered its changes. */
export interface EventFeed {
  eventId: string;
  conns: Set<FeedConnection>;
  /** Newcomers waiting for their snapshot or replay; they join `conns` once it is sent. */
  joining: JoiningViewer[];
  /** Newcomers being served right now. */
  batch: JoiningViewer[];
  /** The last change delivered to `conns`; -1 until read from the database. */
  lastSeq: number;
  settings: QaSettings;
  wantPull: boolean;
  running: boolean;
  dropped: boolean;
  unsubscribe: (() => void) | null;
}

export function newEventFeed(eventId: string): EventFeed {
  return {
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
}

/** Whether no viewer is connected, waiting or being served. */
export function isFeedEmpty(feed: EventFeed): boolean {
  return feed.conns.size === 0 && feed.joining.length === 0 && feed.batch.length === 0;
}

/** Whether the feed has work: its first read, announced changes, or newcomers. */
export function feedHasWork(feed: EventFeed): boolean {
  return !feed.dropped && (feed.lastSeq < 0 || feed.wantPull || feed.joining.length > 0);
}
