import {
  findEventsWithEndedRoom,
  findRegistrationsByEmails,
  insertRegistrationBatch,
  lockEventWithRegistrationBySlug,
  type NewRegistration,
  type RegistrantFields,
  type RegistrationOutboxEntry,
  reactivateRegistration,
} from '@folkemote/db';
import { registrationStateAt } from '@folkemote/domain';
import type { RegistrationDeps } from './registration-deps.ts';
import { RegistrationError } from './registration-error.ts';
import {
  checkForm,
  eventNotFound,
  refuseIfOver,
  refuseUnlessOpen,
  registrantFields,
  roomFull,
  seatFor,
} from './registration-rules.ts';
import type { BatchOutcome, PendingRegistration } from './write-registration-batch.ts';

type Seat = 'confirmed' | 'waitlisted';
type Known = { id: string; status: Seat | 'cancelled' };

/**
 * Decides and writes a batch of registrations for one event in a transaction
 * that holds the event's row lock throughout: it reads the addresses already
 * registered, hands out the seats in the order the registrations arrived, takes
 * cancelled registrations back (with the new form's data and a new personal
 * link) and writes the new rows, the seat count and the
 * outbox entries (confirmation e-mails, reminders) with one statement. Each
 * registration gets the outcome it would have had on its own in that order.
 * The way for a batch in which someone registers again; a batch of new
 * addresses only takes the one-statement way (`writeRegistrationBatch`).
 */
export async function writeRegistrationBatchUnderLock(
  deps: Pick<RegistrationDeps, 'db'>,
  eventSlug: string,
  batch: PendingRegistration[],
): Promise<BatchOutcome[]> {
  const refuseAll = (error: RegistrationError) => batch.map((): BatchOutcome => ({ ok: false, error }));

  return deps.db.transaction(async (tx) => {
    const event = await lockEventWithRegistrationBySlug(tx, eventSlug);
    if (!event || event.status === 'draft') return refuseAll(eventNotFound());
    const roomEnded = (await findEventsWithEndedRoom(tx, [event.id])).has(event.id);
    const known = new Map<string, Known>(
      (await findRegistrationsByEmails(tx, event.id, [...new Set(batch.map((p) => p.emailNormalised))])).map(
        (r) => [r.emailNormalised, { id: r.id, status: r.status }],
      ),
    );
    let confirmed = event.confirmed;
    let roomTaken = event.roomTaken;
    const fresh: NewRegistration[] = [];
    const reactivated: Array<{ id: string; status: Seat; fields: RegistrantFields }> = [];
    const outbox: RegistrationOutboxEntry[] = [];

    const decide = (p: PendingRegistration): BatchOutcome => {
      refuseIfOver({ ...event, roomEnded }, p.now);
      refuseUnlessOpen(registrationStateAt(event, confirmed, p.now));
      const answers = checkForm(event, p.input);
      const existing = known.get(p.emailNormalised);
      if (existing && existing.status !== 'cancelled') {
        // Registering again sends the link again, by e-mail only.
        outbox.push({ registrationId: existing.id, emailKind: 'confirmation', reminders: 'none' });
        return outcome(existing.id, existing.status, false, false);
      }
      // A hybrid event's room: an in-person registration needs one of its seats (counted under the lock).
      const inRoom = answers.attendance === 'in_person' && event.roomCapacity !== null;
      if (inRoom && roomTaken >= event.roomCapacity!) throw roomFull();
      const status = seatFor(event, confirmed);
      if (status === 'confirmed') confirmed += 1;
      if (status === 'confirmed' && inRoom) roomTaken += 1;
      const reminders = status === 'confirmed' ? (existing ? 'replace' : 'add') : 'none';
      const id = existing?.id ?? p.newId;
      known.set(p.emailNormalised, { id, status });
      outbox.push({ registrationId: id, emailKind: 'confirmation', reminders });
      // Taken back after a cancellation: this form's data and a new link, nothing of the row before.
      if (existing) {
        reactivated.push({ id, status, fields: registrantFields(p, answers) });
        return outcome(id, status, false, true);
      }
      fresh.push({ id, eventId: event.id, status, ...registrantFields(p, answers) });
      return outcome(id, status, true, false);
    };
    const outcome = (id: string, status: Seat, created: boolean, again: boolean): BatchOutcome => ({
      ok: true,
      id,
      status,
      created,
      reactivated: again,
    });

    const outcomes = batch.map((p): BatchOutcome => {
      try {
        return decide(p);
      } catch (err) {
        if (err instanceof RegistrationError) return { ok: false, error: err };
        throw err;
      }
    });
    // A re-registration after a cancellation queues behind those already waiting, as it always has;
    // within one batch it comes before the new rows, which arrived within the same few milliseconds.
    for (const r of reactivated) await reactivateRegistration(tx, r.id, r.status, r.fields);
    if (fresh.length > 0 || outbox.length > 0)
      await insertRegistrationBatch(tx, event.id, fresh, confirmed - event.confirmed, outbox);
    return outcomes;
  });
}
