import {
  type Database,
  listQuestionChangesAfter,
  listQuestionVoters,
  type QuestionChange,
} from '@folkemote/db';
import { seesQuestions } from '@folkemote/domain';
import { questionChangesDelivered } from '@folkemote/metrics';
import type { SseFrame } from '../realtime/sse-stream.ts';
import type { EventFeed, FeedConnection } from './question-feed.ts';
import { readFeedSnapshot } from './question-feed-snapshot.ts';
import { ChangeFrames, settingsFrame } from './question-frames.ts';

/** How many changes one read of the change log takes. */
export const PAGE = 500;
/** Writes to this many viewers, then lets other work (requests, replies from the database) run. */
const SLICE = 256;

/**
 * Visits every viewer, yielding to the event loop between slices: a fan-out to
 * thousands would otherwise hold up every request of this process meanwhile,
 * and a write request waits on the loop at each of its database round trips.
 */
async function forEachSliced<T>(items: Iterable<T>, visit: (item: T) => void): Promise<void> {
  let n = 0;
  for (const item of items) {
    visit(item);
    if (++n % SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Counts the frames one fan-out wrote, once for the whole fan-out. */
function countDelivered(delivered: number): void {
  if (delivered > 0) questionChangesDelivered.inc(delivered);
}

/** For a merge target seen by a registrant: who has voted for it now (their `myVote` may change). */
export async function votersFor(db: Database, change: QuestionChange, viewers: Iterable<FeedConnection>) {
  if (change.kind !== 'merge_target') return null;
  for (const conn of viewers)
    if (conn.viewer.registrationId !== null) return new Set(await listQuestionVoters(db, change.questionId!));
  return null;
}

/** Sends one change to each viewer its frames are for. */
export async function fanOutChange(frames: ChangeFrames, viewers: Iterable<FeedConnection>): Promise<void> {
  let delivered = 0;
  await forEachSliced(viewers, (conn) => {
    const frame = frames.frameFor(conn.viewer);
    if (frame && conn.stream.send(frame)) delivered += 1;
  });
  countDelivered(delivered);
}

/**
 * A settings change: viewers whose role now sees the questions (or no longer
 * does) get the whole list as of now; the others get the new settings.
 */
async function deliverSettings(db: Database, feed: EventFeed, change: QuestionChange): Promise<void> {
  const settings = change.settings!;
  feed.settings = settings;
  const flipped: FeedConnection[] = [];
  const frame = settingsFrame(change.seq, settings);
  let delivered = 0;
  for (const conn of feed.conns) {
    if (seesQuestions(conn.viewer, settings) !== conn.sees) flipped.push(conn);
    else if (conn.stream.send(frame)) delivered += 1;
  }
  countDelivered(delivered);
  if (flipped.length === 0) return;
  // The presenter's view appears (or goes) all at once: the whole list, as of now.
  const { renderer } = await readFeedSnapshot(db, feed.eventId, feed.settings, [], change.seq);
  for (const conn of flipped) {
    conn.sees = seesQuestions(conn.viewer, settings);
    conn.stream.send(renderer.frame(conn.viewer, undefined));
  }
}

/** Delivers one change to the feed's viewers. */
async function deliver(db: Database, feed: EventFeed, change: QuestionChange): Promise<void> {
  if (change.settings) {
    await deliverSettings(db, feed, change);
  } else {
    const frames = new ChangeFrames(change, feed.settings, await votersFor(db, change, feed.conns));
    await fanOutChange(frames, feed.conns);
  }
  feed.lastSeq = change.seq;
}

/** Delivers a run of question changes (no settings among them) in one write per viewer. */
async function deliverQuestions(db: Database, feed: EventFeed, changes: QuestionChange[]): Promise<void> {
  if (changes.length === 0) return;
  if (changes.length === 1) return deliver(db, feed, changes[0]!);
  const frames: ChangeFrames[] = [];
  for (const change of changes)
    frames.push(new ChangeFrames(change, feed.settings, await votersFor(db, change, feed.conns)));
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
  countDelivered(delivered);
  feed.lastSeq = changes.at(-1)!.seq;
}

/**
 * Delivers every change after the last one the feed's viewers have had, in order.
 * Changes that piled up while the loop was busy go out together: one write per
 * viewer, not one per change; a settings change goes out on its own between them.
 */
export async function pullChanges(db: Database, feed: EventFeed): Promise<void> {
  for (;;) {
    const changes = await listQuestionChangesAfter(db, feed.eventId, feed.lastSeq, { limit: PAGE });
    let run: QuestionChange[] = [];
    for (const change of changes) {
      if (!change.settings) {
        run.push(change);
        continue;
      }
      await deliverQuestions(db, feed, run);
      run = [];
      await deliver(db, feed, change);
    }
    await deliverQuestions(db, feed, run);
    if (changes.length < PAGE) return;
  }
}
