import type { StaffRole } from '@folkemote/domain';
import { readList, requestJson } from '../shared/request-json.ts';

/** A host, presenter or moderator link as the organiser sees it: never the link itself. */
export interface StaffLink {
  id: string;
  role: StaffRole;
  displayName: string;
  createdAt: string;
  revokedAt: string | null;
}

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
): Promise<StaffLink & { joinUrl: string; emailed: boolean }> {
  return (await requestJson(path(slug), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(invite),
  })) as StaffLink & { joinUrl: string; emailed: boolean };
}

export async function revokeStaffLink(slug: string, id: string): Promise<void> {
  await requestJson(path(slug, `/${encodeURIComponent(id)}`), { method: 'DELETE' });
}
