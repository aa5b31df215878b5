import { publishRoomChange, roomChangeChannel } from '@folkemote/queue';
import type { ChannelHub } from '../realtime/channel-hub.ts';

type Listener = () => void;

/** Room changes across every API instance: announced through Redis pub/sub, heard by this instance's streams. */
export interface RoomChangeHub {
  /** Tells every instance (this one included) that the event's room changed. */
  announce(eventId: string): Promise<void>;
  /**
   * Calls `listener` on each change of the event's room, and after the pub/sub connection comes
   * back (changes may have gone by meanwhile), until the returned function is called.
   */
  listen(eventId: string, listener: Listener): Promise<() => Promise<void>>;
}

/** Room changes on the server's one pub/sub connection, a channel per event. */
export function createRoomChangeHub(hub: ChannelHub, prefix: string): RoomChangeHub {
  return {
    announce: (eventId) => publishRoomChange(hub, prefix, eventId),
    async listen(eventId, listener) {
      const unsubscribe = await hub.subscribe(roomChangeChannel(prefix, eventId), () => listener());
      const stopCatchingUp = hub.onReconnect(listener);
      return async () => {
        stopCatchingUp();
        unsubscribe();
      };
    },
  };
}
