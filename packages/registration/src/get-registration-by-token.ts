import {
  findEventWithRegistrationById,
  findRegistrationByTokenHash,
  toRegistrationView,
} from '@folkemote/db';
import type { PublicEventView, RegistrationView } from '@folkemote/domain';
import { hashJoinToken, isWellFormedJoinToken } from './join-token.ts';
import type { RegistrationDeps } from './registration-deps.ts';
import { RegistrationError } from './registration-error.ts';

export interface OwnRegistration {
  registration: RegistrationView;
  event: PublicEventView;
}

/**
 * The registration a personal link belongs to. A forged link, or one whose data
 * has been deleted, gets the same answer: the link is not valid.
 */
export async function getRegistrationByToken(
  deps: Pick<RegistrationDeps, 'db'>,
  token: string,
  now = new Date(),
): Promise<OwnRegistration & { eventId: string; registrationId: string }> {
  const invalid = () =>
    new RegistrationError('invalid_link', 'This personal link is not valid, or its data has been deleted');
  if (!isWellFormedJoinToken(token)) throw invalid();
  const row = await findRegistrationByTokenHash(deps.db, hashJoinToken(token));
  if (!row) throw invalid();
  const event = await findEventWithRegistrationById(deps.db, row.eventId, now);
  if (!event) throw invalid();
  const { revision: _revision, confirmed: _confirmed, roomTaken: _roomTaken, ...publicEvent } = event;
  return {
    registration: toRegistrationView(row),
    event: publicEvent,
    eventId: row.eventId,
    registrationId: row.id,
  };
}
