import type { PublicEventPage } from '@folkemote/domain';

/** Why the form is not offered, or that it is: what the event page says above it. */
export type RegistrationClosure =
  | { kind: 'over'; replayUrl: string | null; replayExpected: boolean }
  | { kind: 'deadline_passed'; closedAt: string }
  | { kind: 'state'; state: PublicEventPage['registrationState'] };

/** The reason the event page gives, from the event as the API answered it at `now`. */
export function registrationClosure(
  event: Pick<
    PublicEventPage,
    'hasEnded' | 'replayUrl' | 'recorded' | 'registrationState' | 'registrationClosesAt' | 'status'
  >,
  now: Date,
): RegistrationClosure {
  if (event.status === 'cancelled') return { kind: 'state', state: 'cancelled' };
  if (event.hasEnded)
    return { kind: 'over', replayUrl: event.replayUrl, replayExpected: event.recorded && !event.replayUrl };
  if (
    event.registrationState === 'closed' &&
    event.registrationClosesAt &&
    now >= new Date(event.registrationClosesAt)
  )
    return { kind: 'deadline_passed', closedAt: event.registrationClosesAt };
  return { kind: 'state', state: event.registrationState };
}
