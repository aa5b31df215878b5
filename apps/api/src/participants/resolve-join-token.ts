import { hashSecretToken } from '@folkemote/accounts';
import { findActiveEventStaffByTokenHash, findRegistrationByTokenHash } from '@folkemote/db';
import { hashJoinToken, isWellFormedJoinToken } from '@folkemote/registration';
import type { ApiDeps } from '../api-deps.ts';
import { type ActorResult, identityFor } from './event-actor.ts';
import { isStaffToken } from './staff-token.ts';

const invalid: ActorResult = {
  ok: false,
  status: 401,
  code: 'invalid_link',
  message: 'This link is not valid, has been revoked, or its data has been deleted',
};

/**
 * The person a room link belongs to: a registrant's personal link (attendee, confirmed
 * registrations only) or a staff link (its role). The role comes from the link alone.
 */
export async function resolveJoinToken(
  deps: Pick<ApiDeps, 'db'>,
  token: string,
  eventId: string,
): Promise<ActorResult> {
  if (isStaffToken(token)) {
    const staff = await findActiveEventStaffByTokenHash(deps.db, hashSecretToken(token));
    if (!staff) return invalid;
    if (staff.eventId !== eventId) return otherEvent;
    return {
      ok: true,
      actor: {
        kind: 'staff',
        id: staff.id,
        eventId,
        role: staff.role,
        displayName: staff.displayName,
        identity: identityFor('staff', staff.id),
      },
    };
  }
  if (!isWellFormedJoinToken(token)) return invalid;
  const registration = await findRegistrationByTokenHash(deps.db, hashJoinToken(token));
  if (!registration) return invalid;
  if (registration.eventId !== eventId) return otherEvent;
  if (registration.status === 'waitlisted')
    return {
      ok: false,
      status: 403,
      code: 'waitlisted',
      message: 'You are on the waiting list; you can join when you get a seat',
    };
  if (registration.status !== 'confirmed')
    return {
      ok: false,
      status: 403,
      code: 'registration_cancelled',
      message: 'This registration has been cancelled',
    };
  return {
    ok: true,
    actor: {
      kind: 'registration',
      id: registration.id,
      eventId,
      role: 'attendee',
      displayName: registration.name,
      identity: identityFor('registration', registration.id),
    },
  };
}

const otherEvent: ActorResult = {
  ok: false,
  status: 403,
  code: 'other_event',
  message: 'This link belongs to another event',
};
