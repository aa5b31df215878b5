import type {
  EventRegistrations,
  OrganiserEvent,
  RegistrationRow,
  RoomAttendanceReport,
} from '@folkemote/contract';
import { readList, requestJson } from '../shared/request-json.ts';

const path = (slug: string, action = '') => `/api/events/${encodeURIComponent(slug)}${action}`;
const jsonBody = (method: string, body: unknown) => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export async function fetchOrganiserEvents(signal?: AbortSignal): Promise<OrganiserEvent[]> {
  const body = await requestJson('/api/organiser/events', { signal });
  return readList<OrganiserEvent>(body, 'events', '/api/organiser/events');
}

export async function fetchOrganiserEvent(slug: string, signal?: AbortSignal): Promise<OrganiserEvent> {
  return (await requestJson(`/api/organiser/events/${encodeURIComponent(slug)}`, {
    signal,
  })) as OrganiserEvent;
}

export async function createEvent(input: Record<string, unknown>): Promise<OrganiserEvent> {
  return (await requestJson('/api/events', jsonBody('POST', input))) as OrganiserEvent;
}

export async function updateEvent(slug: string, changes: Record<string, unknown>): Promise<OrganiserEvent> {
  return (await requestJson(path(slug), jsonBody('PATCH', changes))) as OrganiserEvent;
}

export async function runEventAction(
  slug: string,
  action: 'publish' | 'cancel' | 'duplicate',
): Promise<OrganiserEvent> {
  return (await requestJson(path(slug, `/${action}`), { method: 'POST' })) as OrganiserEvent;
}

export type { EventRegistrations };

export async function fetchEventRegistrations(
  slug: string,
  signal?: AbortSignal,
): Promise<EventRegistrations> {
  return (await requestJson(path(slug, '/registrations'), { signal })) as EventRegistrations;
}

/** Who of the registrants was in the live room, first when and how long; the counts. */
export async function fetchRoomAttendance(slug: string, signal?: AbortSignal): Promise<RoomAttendanceReport> {
  return (await requestJson(path(slug, '/attendance'), { signal })) as RoomAttendanceReport;
}

export async function sendEventMessage(
  slug: string,
  message: { subject: string; body: string },
): Promise<void> {
  await requestJson(path(slug, '/messages'), jsonBody('POST', message));
}

/** Ticks a confirmed registrant off at the door, or takes the tick back. */
export async function setCheckIn(slug: string, id: string, checkedIn: boolean): Promise<RegistrationRow> {
  return (await requestJson(
    path(slug, `/registrations/${encodeURIComponent(id)}/check-in`),
    jsonBody('PUT', { checkedIn }),
  )) as RegistrationRow;
}
