import {
  appendQuestionChanges,
  deleteQuestionsOfRegistrant,
  deleteRegistrationsKeepingCounts,
  findRegistrationById,
} from '@folkemote/db';
import { cancelRegistration } from './cancel-registration.ts';
import type { RegistrationDeps } from './registration-deps.ts';
import { removeReminders } from './schedule-reminders.ts';

export interface RegistrantDataDeletion {
  eventId: string;
  /** The registrant's questions deleted because they were not answered in public. */
  deletedQuestions: number;
  /**
   * The number of the Q&A change that records the last of those deletions, to
   * announce on the event's channel after the commit; null when none was deleted.
   */
  lastQuestionChange: number | null;
}

/**
 * A registrant's own deletion: the registration is cancelled (its seat goes to
 * the waiting list), then the row and its e-mails are deleted. The event's
 * counts keep it as one cancelled registration.
 *
 * Their questions go in the same transaction: those not answered in public are
 * deleted (and counted in the event's Q&A figures), each recorded as a
 * `deleted` change that tells live viewers; the ones answered in public stay,
 * nameless, without the text as asked. Null when there was no such registration.
 */
export async function deleteRegistrantData(
  deps: RegistrationDeps,
  registrationId: string,
  now = new Date(),
): Promise<RegistrantDataDeletion | null> {
  const registration = await findRegistrationById(deps.db, registrationId);
  if (!registration) return null;
  const { eventId } = registration;
  await cancelRegistration(deps, registrationId, now);
  await removeReminders(deps, registrationId);
  return deps.db.transaction(async (tx) => {
    const deleted = await deleteQuestionsOfRegistrant(tx, registrationId);
    const lastQuestionChange =
      deleted.length === 0
        ? null
        : await appendQuestionChanges(
            tx,
            eventId,
            { kind: 'registration', id: registrationId, role: 'attendee', name: null },
            deleted.map((q) => ({
              kind: 'deleted' as const,
              question: null,
              fromStatus: q.status,
              deletedQuestionId: q.id,
            })),
            now,
          );
    await deleteRegistrationsKeepingCounts(tx, eventId, [registrationId]);
    return { eventId, deletedQuestions: deleted.length, lastQuestionChange };
  });
}
