import {
  ConnectionState,
  DisconnectReason,
  type LocalTrack,
  type LocalTrackPublication,
  Room,
  RoomEvent,
} from 'livekit-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../shared/api-error.ts';
import { classifyDisconnect, type MediaLoss } from './media-loss.ts';
import type { RoomJoin } from './room-api.ts';

// Unpublishing does not stop a track: this hook decides, so a dropped connection keeps the
// camera, microphone and screen to publish again (a screen cannot be asked for without a click).
const roomOptions = { adaptiveStream: true, dynacast: true, stopLocalTrackOnUnpublish: false };

/** Waits before each automatic attempt to connect again, about half a minute in all. */
export const REJOIN_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 8000, 8000];

export interface MediaRoom {
  room: Room;
  /** Why the page has no connection; null while connected or connecting. */
  loss: MediaLoss | null;
  /** Connecting again, by itself or because the person asked. */
  rejoining: boolean;
  /** Asks the API for a fresh token and connects again, once. */
  rejoin: () => void;
}

/**
 * One LiveKit room for the stage. It never switches a camera, microphone or screen on or off
 * of its own accord: that is for the person alone, before or after connecting. When the
 * connection drops (the server restarts, the network goes), it connects again by itself with a
 * fresh token from our API, which checks the person's right again, and publishes again what was
 * on. Removal, the room's end and a second tab are not retried.
 *
 * @example
 * const media = useMediaRoom(join, () => joinRoom(slug, auth));
 * <RoomContext.Provider value={media.room}>…</RoomContext.Provider>
 */
export function useMediaRoom(join: RoomJoin, requestJoin: () => Promise<RoomJoin>): MediaRoom {
  const [room] = useState(() => new Room(roomOptions));
  const [loss, setLoss] = useState<MediaLoss | null>(null);
  const [rejoining, setRejoining] = useState(false);
  const latestRequest = useRef(requestJoin);
  latestRequest.current = requestJoin;
  const kept = useRef<LocalTrack[]>([]);
  const lastLoss = useRef<MediaLoss | null>(null);
  const generation = useRef(0);
  const reconnecting = useRef(false);

  const connect = useCallback(
    async (target: RoomJoin) => {
      await room.connect(target.serverUrl, target.token);
      const tracks = kept.current;
      kept.current = [];
      // Published side by side and not waited for: the connection is back either way.
      for (const track of tracks) void room.localParticipant.publishTrack(track).catch(() => track.stop());
    },
    [room],
  );

  const reconnect = useCallback(
    async (delays: readonly number[]) => {
      const mine = ++generation.current;
      reconnecting.current = true;
      setRejoining(true);
      for (const delay of delays) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (mine !== generation.current) return;
        try {
          await connect(await latestRequest.current());
          break;
        } catch (error) {
          // Our API refusing a token (removed, ended, link revoked) is final; the page says why.
          if (isRefusal(error)) break;
        }
      }
      if (mine !== generation.current) return;
      reconnecting.current = false;
      setRejoining(false);
    },
    [connect],
  );

  useEffect(() => {
    let current = true;
    let connectedOnce = false;
    const onConnected = () => {
      connectedOnce = true;
      lastLoss.current = null;
      setLoss(null);
    };
    const onDisconnected = (reason?: DisconnectReason) => {
      const lost = classifyDisconnect(
        reason === undefined ? undefined : DisconnectReason[reason],
        connectedOnce,
      );
      lastLoss.current = lost;
      if (!current) return;
      setLoss(lost);
      if (lost?.kind === 'dropped' && !reconnecting.current) void reconnect(REJOIN_DELAYS_MS);
    };
    // livekit-client takes every track down before it reports the disconnect, in one go; by the
    // next microtask it is known whether the tracks are to be kept for the next connection.
    const onLocalTrackUnpublished = (publication: LocalTrackPublication) => {
      const track = publication.track;
      if (!track) return;
      queueMicrotask(() => {
        const keep = room.state === ConnectionState.Disconnected && lastLoss.current?.kind === 'dropped';
        if (keep && current) kept.current.push(track);
        else track.stop();
      });
    };
    room
      .on(RoomEvent.Connected, onConnected)
      .on(RoomEvent.Disconnected, onDisconnected)
      .on(RoomEvent.LocalTrackUnpublished, onLocalTrackUnpublished);
    connect(join).catch(() => {
      // The Disconnected event has said why.
    });
    return () => {
      current = false;
      generation.current++;
      reconnecting.current = false;
      room
        .off(RoomEvent.Connected, onConnected)
        .off(RoomEvent.Disconnected, onDisconnected)
        .off(RoomEvent.LocalTrackUnpublished, onLocalTrackUnpublished);
      for (const track of kept.current) track.stop();
      kept.current = [];
      void room.disconnect();
    };
  }, [room, join, connect, reconnect]);

  // After the automatic attempts, a rejoin is one more attempt.
  const rejoin = useCallback(() => void reconnect([0]), [reconnect]);
  return { room, loss, rejoining, rejoin };
}

/** Our API refusing (4xx), as opposed to no answer at all or LiveKit's own failures. */
function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status !== null && error.status >= 400 && error.status < 500;
}
