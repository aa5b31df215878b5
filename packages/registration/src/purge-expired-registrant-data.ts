import {
  deleteQuestionDataAtRetention,
  deleteRegistrationsKeepingCounts,
  listActiveRegistrationIds,
  listEventsDueForRetention,
  listEventsWithQuestionDataAfterRetention,
  markRegistrantDataDeleted,
  tallyAttendanceBeforeDeletion,
} from '@folkemote/db';
import type { RegistrationDeps } from './registration-deps.ts';
import { removeReminders } from './schedule-reminders.ts';

/**
 * Deletes the registrant data of every event whose retention period has ended
 * at `now` (end of the event + its retention days), and with it, in the same
 * transaction, the Q&A's personal data: questions not answered in public, the
 * change log, the text as asked and the links to registrations. The counts stay:
 * of registrations, of questions, and the attendance (in the room, at the door).
 *
 * Events whose registrant data went before questions were part of it get the
 * same treatment of their questions on the next run. `onEventPurged` runs after
 * each event's commit (to end the personal links' open streams, for one).
 */
export async function purgeExpiredRegistrantData(
  deps: Pick<RegistrationDeps, 'db' | 'queues'>,
  now = new Date(),
  options: { onEventPurged?: (eventId: string) => Promise<void> } = {},
): Promise<{ events: number; registrations: number; questions: number }> {
  const eventIds = await listEventsDueForRetention(deps.db, now);
  let registrations = 0;
  let questions = 0;
  for (const eventId of eventIds) {
    const ids = await listActiveRegistrationIds(deps.db, eventId, ['confirmed', 'waitlisted', 'cancelled']);
    for (const id of ids) await removeReminders(deps, id);
    const purged = await deps.db.transaction(async (tx) => {
      const qa = await deleteQuestionDataAtRetention(tx, eventId);
      await tallyAttendanceBeforeDeletion(tx, eventId);
      const n = await deleteRegistrationsKeepingCounts(tx, eventId, 'all');
      await markRegistrantDataDeleted(tx, eventId, now);
      return { registrations: n, questions: qa.deletedQuestions };
    });
    registrations += purged.registrations;
    questions += purged.questions;
    await options.onEventPurged?.(eventId);
  }
  for (const eventId of await listEventsWithQuestionDataAfterRetention(deps.db)) {
    const qa = await deps.db.transaction((tx) => deleteQuestionDataAtRetention(tx, eventId));
    questions += qa.deletedQuestions;
  }
  return { events: eventIds.length, registrations, questions };
}
