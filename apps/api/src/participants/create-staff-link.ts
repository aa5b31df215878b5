import { type EventStaffRow, insertEventStaff } from '@folkemote/db';
import type { StaffInvite } from '@folkemote/domain';
import type { ApiDeps } from '../api-deps.ts';
import { hashSecretToken } from '../auth/secret-token.ts';
import { createStaffToken, roomLinkUrl } from './staff-token.ts';

/** Invites a host, presenter or moderator: the link is returned once and only its hash is kept. */
export async function createStaffLink(
  deps: Pick<ApiDeps, 'db' | 'config'>,
  event: { id: string; slug: string },
  invite: StaffInvite,
): Promise<{ staff: EventStaffRow; token: string; joinUrl: string }> {
  const token = createStaffToken();
  const staff = await insertEventStaff(deps.db, {
    eventId: event.id,
    role: invite.role,
    displayName: invite.displayName,
    tokenHash: hashSecretToken(token),
  });
  return { staff, token, joinUrl: roomLinkUrl(deps.config.publicAppUrl, event.slug, token) };
}
