import { DisconnectReason, Room, RoomEvent } from 'livekit-client';
import { useEffect, useState } from 'react';
import type { RoomJoin } from '../api/room-api.ts';
import { classifyDisconnect, type MediaLoss } from './media-loss.ts';

const roomOptions = { adaptiveStream: true, dynacast: true };

/**
 * One LiveKit connection for one join token: connects on mount, leaves on unmount (give the
 * component `key={join.token}` so a fresh token is a fresh room). It never turns a camera,
 * microphone or screen on or off: that is for the person alone, before or after connecting,
 * and livekit-client puts back what was on after a reconnect.
 *
 * @example
 * const { room, loss } = useMediaRoom(join);
 * <RoomContext.Provider value={room}>…</RoomContext.Provider>
 */
export function useMediaRoom(join: RoomJoin): { room: Room; loss: MediaLoss | null } {
  const [room] = useState(() => new Room(roomOptions));
  const [loss, setLoss] = useState<MediaLoss | null>(null);

  useEffect(() => {
    let current = true;
    let connectedOnce = false;
    const onConnected = () => {
      connectedOnce = true;
      setLoss(null);
    };
    const onDisconnected = (reason?: DisconnectReason) => {
      if (current)
        setLoss(
          classifyDisconnect(reason === undefined ? undefined : DisconnectReason[reason], connectedOnce),
        );
    };
    room.on(RoomEvent.Connected, onConnected).on(RoomEvent.Disconnected, onDisconnected);
    room.connect(join.serverUrl, join.token).catch((error: unknown) => {
      if (current) setLoss({ kind: connectedOnce ? 'dropped' : 'failed', detail: describeError(error) });
    });
    return () => {
      current = false;
      room.off(RoomEvent.Connected, onConnected).off(RoomEvent.Disconnected, onDisconnected);
      void room.disconnect();
    };
  }, [room, join.serverUrl, join.token]);

  return { room, loss };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
