import { type Database, listQuestionChangesAfter } from '@folkemote/db';
import { seesQuestions } from '@folkemote/domain';
import type { EventFeed, JoiningViewer } from './question-feed.ts';
import { fanOutChange, PAGE, votersFor } from './question-feed-fan-out.ts';
import { readFeedSnapshot } from './question-feed-snapshot.ts';
import { ChangeFrames } from './question-frames.ts';

/** Further behind than this, a reconnecting viewer gets a snapshot instead of every change. */
const MAX_REPLAY = 2000;

/** Whether a newcomer can be brought up to date by replaying the changes it missed. */
function isReplayable(feed: EventFeed, { after, conn }: JoiningViewer): boolean {
  // A presenter's view depends on when the Q&A started, so it always starts from the list as it is.
  return (
    after !== null &&
    after <= feed.lastSeq &&
    feed.lastSeq - after <= MAX_REPLAY &&
    conn.viewer.role !== 'presenter'
  );
}

/** Sends each newcomer the changes after its `after`, up to the last one the live viewers have had. */
async function replayTo(db: Database, feed: EventFeed, replaying: JoiningViewer[]): Promise<void> {
  let cursor = Math.min(...replaying.map((r) => r.after!));
  while (cursor < feed.lastSeq) {
    const changes = await listQuestionChangesAfter(db, feed.eventId, cursor, {
      uptoSeq: feed.lastSeq,
      limit: PAGE,
    });
    if (changes.length === 0) break;
    for (const change of changes) {
      const targets = replaying.filter((r) => change.seq > r.after!).map((r) => r.conn);
      const frames = new ChangeFrames(
        change,
        change.settings ?? feed.settings,
        await votersFor(db, change, targets),
      );
      await fanOutChange(frames, targets);
    }
    cursor = changes.at(-1)!.seq;
  }
}

/** Sends each newcomer the list as of the last change the live viewers have had, with its own votes. */
async function snapshotTo(db: Database, feed: EventFeed, snapshotting: JoiningViewer[]): Promise<void> {
  const registrationIds = snapshotting
    .map(({ conn }) => conn.viewer.registrationId)
    .filter((id): id is string => id !== null);
  const { renderer, voted, pollAnswers } = await readFeedSnapshot(
    db,
    feed.eventId,
    feed.settings,
    registrationIds,
    feed.lastSeq,
  );
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

/**
 * Brings a batch of newcomers up to exactly the change the live viewers have
 * had (a replay, or a snapshot), then adds them to the live viewers.
 */
export async function joinFeed(db: Database, feed: EventFeed, batch: JoiningViewer[]): Promise<void> {
  const open = batch.filter(({ conn }) => !conn.stream.closed);
  const replaying = open.filter((entry) => isReplayable(feed, entry));
  const snapshotting = open.filter((entry) => !isReplayable(feed, entry));
  if (replaying.length > 0) await replayTo(db, feed, replaying);
  if (snapshotting.length > 0) await snapshotTo(db, feed, snapshotting);
  for (const { conn } of open) {
    conn.sees = seesQuestions(conn.viewer, feed.settings);
    if (!conn.stream.closed) feed.conns.add(conn);
  }
  for (const { conn } of batch) if (conn.stream.closed) feed.conns.delete(conn);
}
