import type { BroadcastStatus } from './broadcast.ts';
import type { EventRole } from './event-role.ts';

/** Where an event's live room is: no backstage yet, backstage (staff only), live (everyone), or ended. */
export const roomStatuses = ['not_open', 'backstage', 'live', 'ended'] as const;
export type RoomStatus = (typeof roomStatuses)[number];

/** A real LiveKit server, or the local stand-in of its server API, which carries no audio or video. */
export type MediaServer = 'livekit' | 'stand-in';

/** The live room as one person sees it; streamed again on every change. */
export interface RoomView {
  status: RoomStatus;
  mediaServer: MediaServer;
  recording: {
    active: boolean;
    startedAt: string | null;
    /** Why the latest recording ended without a file (LiveKit's reason); null when it did not fail. */
    error: string | null;
  };
  liveAt: string | null;
  endedAt: string | null;
  /** When the replay should be ready, once the room has ended and the recording is on its way. */
  replayExpectedBy: string | null;
  /**
   * For those who run the room, where the event's broadcast on the public site stands (live: on the
   * website now); null for an event not broadcast, and for the audience.
   */
  broadcast: BroadcastStatus | null;
  me: { role: EventRole; identity: string; displayName: string; handRaised: boolean; onStage: boolean };
  /** Raised hands, first raised first; filled for hosts, presenters and moderators only. */
  hands: Array<{ identity: string; displayName: string; raisedAt: string }>;
  stage: Array<{ identity: string; displayName: string; role: EventRole }>;
}

/** What POST /api/events/{slug}/join answers: enough for livekit-client to connect. */
export interface RoomJoin {
  serverUrl: string;
  token: string;
  role: EventRole;
  identity: string;
  displayName: string;
  mediaServer: MediaServer;
}

export type RoomAction = 'open' | 'live' | 'end';

export type RoomDecision =
  | {
      ok: true;
      change: { from: Exclude<RoomStatus, 'not_open'>[]; to: Exclude<RoomStatus, 'not_open'> } | null;
    }
  | { ok: false; code: 'room_not_open' | 'room_ended'; message: string };

const notOpen = {
  ok: false,
  code: 'room_not_open',
  message: 'The backstage has not been opened yet',
} as const;
const ended = { ok: false, code: 'room_ended', message: 'The webinar has ended' } as const;

/**
 * The room's life cycle: not_open → backstage → live → ended, and ended is final. Asking for
 * the state the room is already in is no error and changes nothing (`change: null`).
 */
export function decideRoomAction(status: RoomStatus, action: RoomAction): RoomDecision {
  switch (action) {
    case 'open':
      if (status === 'ended') return ended;
      return { ok: true, change: status === 'not_open' ? { from: [], to: 'backstage' } : null };
    case 'live':
      if (status === 'not_open') return notOpen;
      if (status === 'ended') return ended;
      return { ok: true, change: status === 'backstage' ? { from: ['backstage'], to: 'live' } : null };
    case 'end':
      if (status === 'not_open') return notOpen;
      return { ok: true, change: status === 'ended' ? null : { from: ['backstage', 'live'], to: 'ended' } };
  }
}

/** Staff come in once the backstage is open; attendees only while the room is live. */
export function joinRefusal(
  status: RoomStatus,
  role: EventRole,
): { code: 'room_not_open' | 'room_not_live' | 'room_ended'; message: string } | null {
  if (status === 'ended') return ended;
  if (role === 'attendee') {
    return status === 'live'
      ? null
      : { code: 'room_not_live', message: 'The webinar has not started yet; the page opens it when it does' };
  }
  return status === 'not_open' ? notOpen : null;
}
