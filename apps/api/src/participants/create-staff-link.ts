import { randomUUID } from 'node:crypto';
import { hashSecretToken } from '@folkemote/accounts';
import { type EventStaffRow, insertEventStaff } from '@folkemote/db';
import type { StaffInvite } from '@folkemote/domain';
import { sendStaffInvite, staffTokenFor } from '@folkemote/registration';
import type { ApiDeps } from '../api-deps.ts';
import { roomLinkUrl } from './staff-token.ts';

/**
 * Invites a host, presenter or moderator: the link is returned once and only its hash is kept. Its
 * token is derived from the link's id (`staffTokenFor`), so that, given an address, the link goes
 * out by e-mail through the outbox too, put in only as the message leaves.
 */
export async function createStaffLink(
  deps: Pick<ApiDeps, 'db' | 'config' | 'queues'>,
  event: { id: string; slug: string },
  invite: StaffInvite,
): Promise<{ staff: EventStaffRow; token: string; joinUrl: string; emailed: boolean }> {
  const id = randomUUID();
  const token = await staffTokenFor(deps.db, id);
  const staff = await insertEventStaff(deps.db, {
    id,
    eventId: event.id,
    role: invite.role,
    displayName: invite.displayName,
    tokenHash: hashSecretToken(token),
  });
  const emailed = invite.email
    ? await sendStaffInvite(
        { db: deps.db, queues: deps.queues, publicAppUrl: deps.config.publicAppUrl },
        { staffId: staff.id, to: invite.email },
      )
    : false;
  return { staff, token, joinUrl: roomLinkUrl(deps.config.publicAppUrl, event.slug, token), emailed };
}
