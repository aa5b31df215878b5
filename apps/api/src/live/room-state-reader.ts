import type { Queryable } from '@folkemote/db';
import { loadRoomState, type RoomState } from './room-view.ts';

export interface RoomStateReader {
  /**
   * The room's state from a read that began after this call: every room
   * stream of the event that asks while one read runs shares the next, so a
   * change costs one read per instance, not one per viewer.
   */
  read(eventId: string): Promise<RoomState>;
}

interface Slot {
  running: Promise<RoomState> | null;
  queued: Promise<RoomState> | null;
}

export function createRoomStateReader(db: Queryable): RoomStateReader {
  const slots = new Map<string, Slot>();

  const start = (eventId: string, slot: Slot) => {
    slot.queued = null;
    const reading: Promise<RoomState> = loadRoomState(db, eventId).finally(() => {
      if (slot.running !== reading) return;
      slot.running = null;
      if (!slot.queued) slots.delete(eventId);
    });
    slot.running = reading;
    return reading;
  };

  return {
    read(eventId) {
      let slot = slots.get(eventId);
      if (!slot) {
        slot = { running: null, queued: null };
        slots.set(eventId, slot);
      }
      if (slot.queued) return slot.queued;
      if (!slot.running) return start(eventId, slot);
      // A read is under way, begun perhaps before the change the caller heard of: the next one serves.
      const current = slot;
      current.queued = current.running!.then(
        () => start(eventId, current),
        () => start(eventId, current),
      );
      return current.queued;
    },
  };
}
