import { findLiveRoom } from '@folkemote/db';
import { createLiveKitControl, isLiveKitError, type LiveKitControl } from '@folkemote/livekit';
import type { WorkerDeps } from '../deps.ts';

/** Registrants' LiveKit identities, as the API names them (`reg_<registration id>`). */
const REGISTRANT_PREFIX = 'reg_';

/**
 * The event's registrant data is gone (retention): its attendees still connected to the room
 * are removed from LiveKit, as the API removes a registrant who deletes their own data. A room
 * left open after the event is the case this is for. Resolves to the number removed.
 */
export async function removeRegistrantsFromRoom(
  deps: Pick<WorkerDeps, 'db' | 'config'>,
  eventId: string,
  control: LiveKitControl = createLiveKitControl(deps.config.livekit),
): Promise<number> {
  const room = await findLiveRoom(deps.db, eventId);
  if (!room || room.status === 'ended') return 0;
  const participants = await control.listParticipants(room.roomName);
  let removed = 0;
  for (const { identity } of participants) {
    if (!identity.startsWith(REGISTRANT_PREFIX)) continue;
    try {
      await control.removeParticipant(room.roomName, identity);
      removed++;
    } catch (err) {
      // Gone on their own meanwhile.
      if (!isLiveKitError(err, 'not_found')) throw err;
    }
  }
  return removed;
}
