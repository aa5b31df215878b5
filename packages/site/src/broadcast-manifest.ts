import {
  BROADCAST_LIVE_PLAYLIST,
  BROADCAST_VOD_PLAYLIST,
  type BroadcastManifest,
  type BroadcastStatus,
  broadcastManifestSchema,
  type Locale,
} from '@folkemote/domain';

/** The stream's folder under the replay address (`publicKeys.broadcastStreamPrefix`). */
const streamFolder = 'live/';

export interface BroadcastManifestFacts {
  event: { title: string; language: Locale; startsAt: string; endsAt: string };
  broadcast: { status: BroadcastStatus; liveSince: string | null; endedAt: string | null };
  /** Whether the event's recordings are public as soon as they are made; false: held for review. */
  autoPublish: boolean;
  now: Date;
}

/**
 * `replays/<id>/broadcast.json` from the database's facts: `held` is an ended broadcast whose
 * organiser reviews the recording first, so it names no playlist; an ended public one names the
 * closed VOD playlist, which plays from the start at the same address.
 */
export function buildBroadcastManifest(facts: BroadcastManifestFacts): BroadcastManifest {
  const { event, broadcast } = facts;
  let state: BroadcastManifest['state'] = broadcast.status;
  if (broadcast.status === 'ended' && !facts.autoPublish) state = 'held';
  return broadcastManifestSchema.parse({
    state,
    title: event.title,
    language: event.language,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    liveSince: broadcast.liveSince,
    endedAt: broadcast.endedAt,
    live: state === 'live' ? `${streamFolder}${BROADCAST_LIVE_PLAYLIST}` : null,
    replay: state === 'ended' ? `${streamFolder}${BROADCAST_VOD_PLAYLIST}` : null,
    updatedAt: facts.now.toISOString(),
  });
}
