import { createLiveKitControl, type LiveKitControl } from '@folkemote/livekit';
import type { ApiDeps } from '../api-deps.ts';
import type { ChannelHub } from '../realtime/channel-hub.ts';
import type { SseHub } from '../realtime/sse-stream.ts';
import type { StreamAccess } from '../realtime/stream-access.ts';
import { type AudienceCount, createAudienceCount } from './audience-count.ts';
import { createRoomChangeHub, type RoomChangeHub } from './room-change-hub.ts';
import { createRoomStateReader, type RoomStateReader } from './room-state-reader.ts';

/** What the live room's functions need beyond the API's own deps. */
export interface LiveContext {
  deps: ApiDeps;
  livekit: LiveKitControl;
  changes: RoomChangeHub;
  /** The rooms' state, read once per change for all of a room's streams on this instance. */
  rooms: RoomStateReader;
  /** The server's event streams (ended before it closes). */
  sse: SseHub;
  /** Ends room streams whose right is withdrawn (a removal, a revoked link, a cancelled event …), on every instance. */
  access: StreamAccess;
  /** How many attendees have the room open, for staff. */
  audience: AudienceCount;
}

export function createLiveContext(
  deps: ApiDeps,
  access: StreamAccess,
  hub: ChannelHub,
  sse: SseHub,
): LiveContext {
  return {
    deps,
    livekit: createLiveKitControl(deps.config.livekit),
    changes: createRoomChangeHub(hub, deps.config.redis.queuePrefix),
    rooms: createRoomStateReader(deps.db),
    sse,
    access,
    audience: createAudienceCount(deps.redis, deps.config.redis.queuePrefix, deps.log),
  };
}

/** A refusal the routes answer as it is: status, stable code and a sentence. */
export interface LiveFailure {
  ok: false;
  status: number;
  code: string;
  message: string;
}

export function liveFailure(status: number, code: string, message: string): LiveFailure {
  return { ok: false, status, code, message };
}

export const liveKitUnavailable = (): LiveFailure =>
  liveFailure(502, 'livekit_unavailable', 'The video server did not answer; try again in a moment');
