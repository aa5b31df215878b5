import type {
  OwnRegistration,
  PublicEventPage,
  RegistrationRequest,
  RegistrationResult,
  RegistrationRow,
} from '@folkemote/contract';
import { ApiError } from '../shared/api-error.ts';
import { readList, requestJson } from '../shared/request-json.ts';

export async function fetchPublicEvents(signal?: AbortSignal): Promise<PublicEventPage[]> {
  return readList<PublicEventPage>(await requestJson('/api/events', { signal }), 'events', '/api/events');
}

export async function fetchPublicEvent(slug: string, signal?: AbortSignal): Promise<PublicEventPage> {
  return (await requestJson(`/api/events/${encodeURIComponent(slug)}`, { signal })) as PublicEventPage;
}

export type { OwnRegistration, RegistrationRequest, RegistrationResult };

export async function submitRegistration(
  slug: string,
  body: RegistrationRequest,
): Promise<RegistrationResult> {
  return (await requestJson(`/api/events/${encodeURIComponent(slug)}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })) as RegistrationResult;
}

// The personal token goes in a header, never in an API address that could end up in a log.
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function fetchOwnRegistration(token: string, signal?: AbortSignal): Promise<OwnRegistration> {
  return (await requestJson('/api/registrations/me', { signal, headers: bearer(token) })) as OwnRegistration;
}

export async function cancelOwnRegistration(token: string): Promise<RegistrationRow> {
  const body = (await requestJson('/api/registrations/me/cancel', {
    method: 'POST',
    headers: bearer(token),
  })) as {
    registration?: RegistrationRow;
  };
  if (!body.registration)
    throw new ApiError(200, 'bad_response', 'The cancellation returned no registration');
  return body.registration;
}

export async function deleteOwnRegistration(token: string): Promise<void> {
  await requestJson('/api/registrations/me', { method: 'DELETE', headers: bearer(token) });
}
