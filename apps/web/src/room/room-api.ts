import type { FailedLiveRecording, MediaServer, RoomJoin, RoomStatus, RoomView } from '@folkemote/contract';
import { requestJson } from '../shared/request-json.ts';

export type { MediaServer, RoomJoin, RoomStatus, RoomView };

/**
 * Who is calling the room API: a link token (personal, host, presenter or moderator link),
 * sent as `Authorization: Bearer`, or the organiser's session cookie (with the CSRF header,
 * which requestJson adds to every request that changes something).
 */
export type EventAuth = { kind: 'token'; token: string } | { kind: 'session' };

export type RoomAction = 'open' | 'live' | 'end' | 'recording/start' | 'recording/stop';

/** The headers that say who is asking: the link token, or nothing (the session cookie goes by itself). */
export function authHeaders(auth: EventAuth): Record<string, string> {
  // The link token goes in a header, never in an address that could end up in a log.
  return auth.kind === 'token' ? { authorization: `Bearer ${auth.token}` } : {};
}

export const roomPath = (slug: string, rest = '') => `/api/events/${encodeURIComponent(slug)}${rest}`;

function send(auth: EventAuth, method: string, body?: unknown): RequestInit & { signal?: AbortSignal } {
  return {
    method,
    headers: {
      ...authHeaders(auth),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

export async function fetchRoomView(slug: string, auth: EventAuth, signal?: AbortSignal): Promise<RoomView> {
  return (await requestJson(roomPath(slug, '/room'), {
    headers: authHeaders(auth),
    cache: 'no-store',
    signal,
  })) as RoomView;
}

/**
 * A LiveKit token for this person. Organisers signed in without a link send no joinToken:
 * the API knows them from the session.
 */
export async function joinRoom(slug: string, auth: EventAuth): Promise<RoomJoin> {
  const body = auth.kind === 'token' ? { joinToken: auth.token } : {};
  return (await requestJson(roomPath(slug, '/join'), send(auth, 'POST', body))) as RoomJoin;
}

/** Every action answers with the room view as it now stands. */
export async function runRoomAction(slug: string, auth: EventAuth, action: RoomAction): Promise<RoomView> {
  return (await requestJson(roomPath(slug, `/room/${action}`), send(auth, 'POST'))) as RoomView;
}

export async function setHandRaised(slug: string, auth: EventAuth, raised: boolean): Promise<RoomView> {
  return (await requestJson(
    roomPath(slug, '/room/hand'),
    send(auth, raised ? 'POST' : 'DELETE'),
  )) as RoomView;
}

export async function setOnStage(
  slug: string,
  auth: EventAuth,
  identity: string,
  onStage: boolean,
): Promise<RoomView> {
  return (await requestJson(
    roomPath(slug, '/room/stage'),
    send(auth, 'POST', { identity, onStage }),
  )) as RoomView;
}

export async function removeParticipant(slug: string, auth: EventAuth, identity: string): Promise<RoomView> {
  return (await requestJson(roomPath(slug, '/room/remove'), send(auth, 'POST', { identity }))) as RoomView;
}

export async function fetchLiveRecordingFailures(signal?: AbortSignal): Promise<FailedLiveRecording[]> {
  const body = await requestJson('/api/recordings', { signal, cache: 'no-store' });
  const list =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).liveRecordingFailures : [];
  return Array.isArray(list) ? (list as FailedLiveRecording[]) : [];
}
