import { randomUUID } from 'node:crypto';
import {
  adjustConfirmedCount,
  findEventWithRegistrationBySlug,
  findRegistrationByEmail,
  insertRegistration,
  insertRegistrationTakingSeat,
  lockEventForRegistration,
  reactivateRegistration,
} from '@folkemote/db';
import {
  type CustomQuestion,
  normaliseEmail,
  type RegistrationInput,
  type RegistrationStatus,
} from '@folkemote/domain';
import { announcePromotions } from './cancel-registration.ts';
import { fillFreedSeats } from './fill-freed-seats.ts';
import { hashJoinToken, joinTokenFor, personalLinkUrl } from './join-token.ts';
import type { RegistrationDeps } from './registration-deps.ts';
import { RegistrationError } from './registration-error.ts';
import { scheduleReminders } from './schedule-reminders.ts';

export interface CreatedRegistration {
  id: string;
  status: Exclude<RegistrationStatus, 'cancelled'>;
  /**
   * The personal link, for a new registration only. A repeated registration gets
   * it by e-mail instead: whoever knows an address must not learn its link.
   */
  joinUrl: string | null;
  alreadyRegistered: boolean;
}

/**
 * Registers a person for a published event: confirmed while seats remain, then
 * waitlisted (or refused when the event has no waiting list). The same e-mail
 * address registering again gets the same registration and the link again.
 */
export async function createRegistration(
  deps: RegistrationDeps,
  eventSlug: string,
  input: RegistrationInput,
  now = new Date(),
): Promise<CreatedRegistration> {
  const event = await findEventWithRegistrationBySlug(deps.db, eventSlug, now);
  if (!event || event.status === 'draft')
    throw new RegistrationError('event_not_found', 'No published event with that address');
  refuseUnlessOpen(event.registrationState);
  const answers = checkAnswers(event.customQuestions, input.answers ?? {});
  const emailNormalised = normaliseEmail(input.email);
  // Made before the seat statement, which then holds the event row for as short a time as possible.
  const newId = randomUUID();
  const newTokenHash = hashJoinToken(await joinTokenFor(deps.db, newId));

  const fresh = {
    id: newId,
    eventId: event.id,
    name: input.name,
    email: input.email,
    emailNormalised,
    organisation: input.organisation || null,
    accessibilityNeeds: input.accessibilityNeeds || null,
    answers,
    consentAt: now,
    joinTokenHash: newTokenHash,
  };
  // The common case in one statement; anything else (the address is known, the event is full
  // without a waiting list or was just cancelled) takes the locked path below.
  const fast = await insertRegistrationTakingSeat(deps.db, fresh);
  if (!fast.status && fast.seated) {
    // The seat was taken for a row that was not inserted: give it back, to the waiting list if anyone waits.
    const promoted = await deps.db.transaction(async (tx) => {
      await adjustConfirmedCount(tx, event.id, -1);
      return fillFreedSeats(tx, event.id, now);
    });
    await announcePromotions(deps, event.id, promoted, now);
  }
  const outcome = fast.status
    ? { id: newId, status: fast.status, created: true, reactivated: false }
    : await deps.db.transaction(async (tx) => {
        const locked = await lockEventForRegistration(tx, event.id);
        if (!locked) throw new RegistrationError('event_not_found', 'No published event with that address');
        if (locked.status === 'cancelled') refuseUnlessOpen('cancelled');
        if (locked.status !== 'published') refuseUnlessOpen('draft');
        const existing = await findRegistrationByEmail(tx, event.id, emailNormalised);
        if (existing && existing.status !== 'cancelled')
          return { id: existing.id, status: existing.status, created: false, reactivated: false };
        const status = seatFor(locked, locked.confirmedCount);
        if (status === 'confirmed') await adjustConfirmedCount(tx, event.id, 1);
        if (existing) {
          await reactivateRegistration(tx, existing.id, status);
          return { id: existing.id, status, created: false, reactivated: true };
        }
        // Only reached in a race the single statement lost; insert under the lock now.
        await insertRegistration(tx, { ...fresh, status });
        return { id: newId, status, created: true, reactivated: false };
      });

  await Promise.all([
    deps.queues.enqueue('registration.email', { registrationId: outcome.id, kind: 'confirmation' }),
    outcome.status === 'confirmed' && (outcome.created || outcome.reactivated)
      ? scheduleReminders(deps, outcome.id, new Date(event.startsAt), now, { fresh: outcome.created })
      : null,
  ]);
  return {
    id: outcome.id,
    status: outcome.status as CreatedRegistration['status'],
    joinUrl:
      outcome.created || outcome.reactivated
        ? personalLinkUrl(deps.publicAppUrl, await joinTokenFor(deps.db, outcome.id))
        : null,
    alreadyRegistered: !outcome.created && !outcome.reactivated,
  };
}

function seatFor(
  event: { capacity: number | null; waitlistEnabled: boolean },
  confirmed: number,
): 'confirmed' | 'waitlisted' {
  if (event.capacity === null || confirmed < event.capacity) return 'confirmed';
  if (event.waitlistEnabled) return 'waitlisted';
  throw new RegistrationError('event_full', 'The event is full and has no waiting list');
}

function refuseUnlessOpen(state: string): void {
  switch (state) {
    case 'cancelled':
      throw new RegistrationError('event_cancelled', 'The event has been cancelled');
    case 'not_yet_open':
      throw new RegistrationError('registration_not_open', 'Registration has not opened yet');
    case 'closed':
      throw new RegistrationError('registration_closed', 'Registration has closed');
    case 'draft':
      throw new RegistrationError('event_not_found', 'No published event with that address');
  }
}

/** Keeps answers to the event's own questions only, and insists on the required ones. */
function checkAnswers(questions: CustomQuestion[], given: Record<string, string>): Record<string, string> {
  const answers: Record<string, string> = {};
  const fields: Record<string, string[]> = {};
  for (const q of questions) {
    const value = given[q.id]?.trim() ?? '';
    if (value) answers[q.id] = value;
    else if (q.required) fields[`answers.${q.id}`] = ['is required'];
  }
  if (Object.keys(fields).length > 0)
    throw new RegistrationError('invalid_answers', 'Some fields are missing or invalid', fields);
  return answers;
}
