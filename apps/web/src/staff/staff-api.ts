import type { NewStaffLink, StaffLink } from '@folkemote/contract';
import type { StaffRole } from '@folkemote/domain';
import { readList, requestJson } from '../shared/request-json.ts';

const path = (slug: string, rest = '') => `/api/organiser/events/${encodeURIComponent(slug)}/staff${rest}`;

export async function fetchStaffLinks(slug: string, signal?: AbortSignal): Promise<StaffLink[]> {
  return readList<StaffLink>(
    await requestJson(path(slug), { signal, cache: 'no-store' }),
    'staff',
    path(slug),
  );
}

/** Makes a link; the answer is the only time its address is shown. */
export async function createStaffLink(
  slug: string,
  invite: { role: StaffRole; displayName: string; email?: string },
): Promise<NewStaffLink> {
  return (await requestJson(path(slug), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(invite),
  })) as NewStaffLink;
}

export async function revokeStaffLink(slug: string, id: string): Promise<void> {
  await requestJson(path(slug, `/${encodeURIComponent(id)}`), { method: 'DELETE' });
}
