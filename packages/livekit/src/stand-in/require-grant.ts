import type { ClaimGrants } from 'livekit-server-sdk';
import { permissionsDenied } from './twirp-failure.ts';

export function requireGrant(
  claims: ClaimGrants | undefined,
  grant: 'roomCreate' | 'roomList' | 'roomRecord',
): void {
  if (claims?.video?.[grant] !== true) throw permissionsDenied();
}

/** Participant and room-admin methods need roomAdmin for exactly the room of the request. */
export function requireRoomAdmin(claims: ClaimGrants | undefined, room: string): void {
  if (claims?.video?.roomAdmin !== true || claims.video.room !== room) throw permissionsDenied();
}
