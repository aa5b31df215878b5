import { findWithdrawnStreamGrants, type Queryable } from '@folkemote/db';
import type { Logger } from '@folkemote/logger';
import type { AccessWithdrawal } from '@folkemote/queue';
import type { StreamGrant } from '../participants/stream-grant.ts';

/** An open event stream as the access check sees it. */
export interface TrackedStream {
  eventId: string;
  grant: StreamGrant;
  /** Room streams only: who is in the room, and whether a removal keeps them out (hosts may come back). */
  room: { identity: string; removable: boolean } | null;
  /** Ends the stream; the client's reconnection meets the refusal. */
  close(): void;
}

const grantKey = (grant: Pick<StreamGrant, 'kind' | 'id'>) => `${grant.kind} ${grant.id}`;

function addTo<K>(map: Map<K, Set<TrackedStream>>, key: K, stream: TrackedStream): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(stream);
}

function removeFrom<K>(map: Map<K, Set<TrackedStream>>, key: K, stream: TrackedStream): void {
  const set = map.get(key);
  if (set?.delete(stream) && set.size === 0) map.delete(key);
}

/** This instance's open streams, found by event and by the right they stand on. */
export class TrackedStreams {
  private readonly byEvent = new Map<string, Set<TrackedStream>>();
  private readonly byGrant = new Map<string, Set<TrackedStream>>();

  constructor(private readonly log: Logger) {}

  get isEmpty(): boolean {
    return this.byEvent.size === 0;
  }

  add(stream: TrackedStream): void {
    addTo(this.byEvent, stream.eventId, stream);
    addTo(this.byGrant, grantKey(stream.grant), stream);
  }

  remove(stream: TrackedStream): void {
    removeFrom(this.byGrant, grantKey(stream.grant), stream);
    removeFrom(this.byEvent, stream.eventId, stream);
  }

  all(): TrackedStream[] {
    return [...this.byEvent.values()].flatMap((set) => [...set]);
  }

  /** The streams that stood on a withdrawn right. */
  matching(withdrawal: AccessWithdrawal): Iterable<TrackedStream> {
    const ofEvent = (eventId: string) => [...(this.byEvent.get(eventId) ?? [])];
    switch (withdrawal.scope) {
      case 'grant':
        return this.byGrant.get(grantKey(withdrawal)) ?? [];
      case 'event':
        return ofEvent(withdrawal.eventId);
      case 'registrations':
        return ofEvent(withdrawal.eventId).filter((s) => s.grant.kind === 'registration');
      case 'room_participant':
        return ofEvent(withdrawal.eventId).filter(
          (s) => s.room?.removable && s.room.identity === withdrawal.identity,
        );
    }
  }

  /** Stops following the streams and closes them; returns how many. */
  end(streams: Iterable<TrackedStream>): number {
    let n = 0;
    for (const stream of [...streams]) {
      this.remove(stream);
      try {
        stream.close();
      } catch (err) {
        this.log.warn({ err, eventId: stream.eventId }, 'stream could not be closed');
      }
      n++;
    }
    return n;
  }

  clear(): void {
    this.byEvent.clear();
    this.byGrant.clear();
  }
}

/** Which of these streams stand on a right the database says is gone, in one query. */
export async function findWithdrawnStreams(
  db: Queryable,
  streams: TrackedStream[],
): Promise<TrackedStream[]> {
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
  return streams.filter(
    (s) =>
      granted[s.grant.kind].has(s.grant.id) ||
      withdrawn.eventIds.has(s.eventId) ||
      (s.room?.removable === true && withdrawn.removedFromRoom.has(`${s.eventId} ${s.room.identity}`)),
  );
}
