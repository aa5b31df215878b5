import type { EventRole } from '@folkemote/domain';
import { AccessToken } from 'livekit-server-sdk';
import { grantsForRole } from './role-grants.ts';
import type { LiveKitCredentials } from './settings.ts';

export interface ParticipantTokenRequest {
  room: string;
  /** `reg_<id>`, `staff_<id>` or `org_<id>`: stable across reconnects. */
  identity: string;
  /** Shown to the others in the room. */
  name: string;
  role: EventRole;
  /** How long the token may be used to connect; the connection itself outlives it. */
  ttlSeconds: number;
  attributes?: Record<string, string>;
}

/** A LiveKit access token (HS256 JWT) that lets one person join the event's room in their role. */
export async function createParticipantToken(
  settings: LiveKitCredentials,
  request: ParticipantTokenRequest,
): Promise<string> {
  const token = new AccessToken(settings.apiKey, settings.apiSecret, {
    identity: request.identity,
    name: request.name,
    ttl: request.ttlSeconds,
    ...(request.attributes ? { attributes: request.attributes } : {}),
  });
  token.addGrant(grantsForRole(request.role, request.room));
  return token.toJwt();
}
