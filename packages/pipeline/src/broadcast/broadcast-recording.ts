import {
  type BroadcastRow,
  findBroadcastById,
  findBroadcastForEvent,
  findPublishedReplay,
  type Queryable,
} from '@folkemote/db';

/**
 * The broadcast whose stream this egress wrote, when there is one: the recording made from its file
 * takes the broadcast's id, so the replay lands at the address the live page had.
 */
export async function broadcastOfEgress(
  db: Queryable,
  eventId: string,
  egressId: string,
): Promise<BroadcastRow | null> {
  const broadcast = await findBroadcastForEvent(db, eventId);
  if (!broadcast || broadcast.status === 'scheduled' || broadcast.egressId !== egressId) return null;
  // A recording already holds the address (a restored database, a second delivery after a reset).
  const { rows } = await db.query('select 1 from recordings where id = $1', [broadcast.id]);
  return rows.length === 0 ? broadcast : null;
}

/** The broadcast a recording was made from (its id is the broadcast's), or null. */
export function broadcastOfRecording(db: Queryable, recordingId: string): Promise<BroadcastRow | null> {
  return findBroadcastById(db, recordingId);
}

/**
 * Whether the replay owns the pages at the broadcast's address (`index.html`, `embed.html`,
 * `oembed.json`): true once the recording with the broadcast's id is public and processed (it has a
 * public version). From then on `broadcast.refresh` writes `broadcast.json` only, so the live page
 * never overwrites the replay.
 */
export async function broadcastPagesOwnedByReplay(db: Queryable, broadcastId: string): Promise<boolean> {
  return (await findPublishedReplay(db, broadcastId)) !== null;
}
