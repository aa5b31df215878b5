import type { Messages } from '../i18n/messages.ts';
import { type RoomRefusal, roomRefusals } from '../i18n/room-messages.ts';
import type { ApiError } from '../shared/api-error.ts';
import { describeApiError } from '../shared/describe-api-error.ts';

/** The sentence for a refusal: a bad link, the waiting list, a removal, an action out of turn … */
export function describeRoomError(error: ApiError, t: Messages): string {
  const a = t.room.access;
  switch (error.code) {
    case 'invalid_link':
    case 'invalid_token':
      return a.invalid;
    case 'waitlisted':
      return a.waitlisted;
    case 'registration_cancelled':
      return a.cancelled;
    case 'other_event':
      return a.otherEvent;
    case 'not_your_event':
      return a.notYourEvent;
    case 'removed_from_room':
      return a.removed;
    case 'event_cancelled':
      return a.eventCancelled;
    case 'not_signed_in':
      return a.noLink;
    case 'event_not_found':
      return a.notFound;
  }
  if ((roomRefusals as readonly string[]).includes(error.code))
    return t.room.refusals[error.code as RoomRefusal];
  if (error.status === 404) return a.notFound;
  if (error.status === 401) return a.invalid;
  return describeApiError(error, t);
}
