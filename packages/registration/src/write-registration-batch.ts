import {
  findEventsWithEndedRoom,
  findEventWithRegistrationBySlug,
  insertNewRegistrationsTakingSeats,
} from '@folkemote/db';
import { type RegistrationInput, registrationStateAt } from '@folkemote/domain';
import type { RegistrationDeps } from './registration-deps.ts';
import { RegistrationError } from './registration-error.ts';
import {
  type CheckedForm,
  checkForm,
  eventFull,
  eventNotFound,
  refuseIfOver,
  refuseUnlessOpen,
  registrantFields,
  roomFull,
} from './registration-rules.ts';
import { writeRegistrationBatchUnderLock } from './write-registration-batch-under-lock.ts';

/** One registration waiting for its batch: everything that can be made before the event lock is taken. */
export interface PendingRegistration {
  input: RegistrationInput;
  emailNormalised: string;
  now: Date;
  /** The id the registration gets if it is new. */
  newId: string;
  /** The personal link it gets if it is new, or taken back after a cancellation (never one that exists). */
  link: { id: string; tokenHash: string };
}

export type BatchOutcome =
  | {
      ok: true;
      id: string;
      status: 'confirmed' | 'waitlisted';
      created: boolean;
      reactivated: boolean;
    }
  | { ok: false; error: RegistrationError };

/**
 * Writes a batch of registrations for one event. The form's rules (open,
 * answers to the event's questions) are checked on the event as read just
 * before; the seats are handed out in the order the registrations arrived by
 * one statement that locks the event row, checks again on it that the form is
 * open, and writes the rows, the seat count and the outbox entries: one round
 * trip and one commit for the whole batch. The same address twice in a batch
 * gets the first one's registration. Should an address in the batch already be
 * registered, the statement writes nothing and the batch is written under the
 * lock instead (`writeRegistrationBatchUnderLock`), which also takes cancelled
 * registrants back. Each registration gets the outcome it would have had on
 * its own, in arrival order.
 */
export async function writeRegistrationBatch(
  deps: Pick<RegistrationDeps, 'db'>,
  eventSlug: string,
  batch: PendingRegistration[],
): Promise<BatchOutcome[]> {
  const event = await findEventWithRegistrationBySlug(deps.db, eventSlug);
  if (!event || event.status === 'draft') return batch.map(() => ({ ok: false, error: eventNotFound() }));
  const roomEnded = (await findEventsWithEndedRoom(deps.db, [event.id])).has(event.id);

  const outcomes: Array<BatchOutcome | undefined> = batch.map(() => undefined);
  // Each address's first registration in the batch, and the later ones that repeat it.
  const firsts = new Map<string, number>();
  const repeats: Array<{ index: number; first: number }> = [];
  const fresh: Array<{ index: number; answers: CheckedForm }> = [];
  batch.forEach((p, index) => {
    try {
      refuseIfOver({ ...event, roomEnded }, p.now);
      refuseUnlessOpen(registrationStateAt(event, event.confirmed, p.now));
      const answers = checkForm(event, p.input);
      const first = firsts.get(p.emailNormalised);
      if (first !== undefined) repeats.push({ index, first });
      else {
        firsts.set(p.emailNormalised, index);
        fresh.push({ index, answers });
      }
    } catch (err) {
      if (!(err instanceof RegistrationError)) throw err;
      outcomes[index] = { ok: false, error: err };
    }
  });
  if (fresh.length === 0) return outcomes as BatchOutcome[];

  let written: Awaited<ReturnType<typeof insertNewRegistrationsTakingSeats>>;
  try {
    written = await insertNewRegistrationsTakingSeats(
      deps.db,
      eventSlug,
      new Date(Math.max(...fresh.map((f) => batch[f.index]!.now.getTime()))),
      fresh.map(({ index, answers }) => ({
        id: batch[index]!.newId,
        ...registrantFields(batch[index]!, answers),
      })),
      repeats.map((r) => batch[r.first]!.newId),
    );
  } catch (err) {
    if ((err as { code?: string }).code === '23505')
      return writeRegistrationBatchUnderLock(deps, eventSlug, batch);
    throw err;
  }
  if (!written) return batch.map(() => ({ ok: false, error: eventNotFound() }));

  // Nothing seated: the form closed, the room ended, or the event was cancelled or unpublished, since it was read.
  let closed: RegistrationError | null = null;
  if (written.seated.size === 0) {
    try {
      refuseIfOver(written.event, batch[fresh[0]!.index]!.now);
      refuseUnlessOpen(
        registrationStateAt(written.event, written.event.confirmedCount, batch[fresh[0]!.index]!.now),
      );
    } catch (err) {
      if (!(err instanceof RegistrationError)) throw err;
      closed = err;
    }
  }
  const full = eventFull();
  for (const { index } of fresh) {
    const id = batch[index]!.newId;
    const seat = written.seated.get(id);
    outcomes[index] =
      seat === 'room_full'
        ? { ok: false, error: roomFull() }
        : seat
          ? { ok: true, id, status: seat, created: true, reactivated: false }
          : { ok: false, error: closed ?? full };
  }
  for (const { index, first } of repeats) {
    const firstOutcome = outcomes[first]!;
    outcomes[index] = firstOutcome.ok
      ? { ok: true, id: firstOutcome.id, status: firstOutcome.status, created: false, reactivated: false }
      : firstOutcome;
  }
  return outcomes as BatchOutcome[];
}
