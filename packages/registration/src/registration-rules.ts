import type { RegistrantFields } from '@folkemote/db';
import type {
  Attendance,
  CustomQuestion,
  EventMode,
  RegistrationInput,
  RegistrationState,
} from '@folkemote/domain';
import { RegistrationError } from './registration-error.ts';
import type { PendingRegistration } from './write-registration-batch.ts';

export const eventNotFound = () =>
  new RegistrationError('event_not_found', 'No published event with that address');
export const eventFull = () =>
  new RegistrationError('event_full', 'The event is full and has no waiting list');
export const roomFull = () =>
  new RegistrationError('room_full', 'The room is full: one may still register to join online');

/** Confirmed while seats remain, then the waiting list, or a refusal when the event has none. */
export function seatFor(
  event: { capacity: number | null; waitlistEnabled: boolean },
  confirmed: number,
): 'confirmed' | 'waitlisted' {
  if (event.capacity === null || confirmed < event.capacity) return 'confirmed';
  if (event.waitlistEnabled) return 'waitlisted';
  throw eventFull();
}

export const eventOver = () =>
  new RegistrationError('event_over', 'The event has taken place, and registration is closed');

/**
 * An event that has taken place takes no registration and no place on its waiting list: its
 * planned end has passed, or its live room has ended before it (the event page says the same).
 * A cancelled event keeps its own reason.
 */
export function refuseIfOver(event: { status: string; endsAt: string; roomEnded: boolean }, now: Date): void {
  if (event.status === 'cancelled') return;
  if (event.roomEnded || now >= new Date(event.endsAt)) throw eventOver();
}

/** Throws the refusal for a form that does not take registrations in this state. */
export function refuseUnlessOpen(state: RegistrationState): void {
  switch (state) {
    case 'cancelled':
      throw new RegistrationError('event_cancelled', 'The event has been cancelled');
    case 'not_yet_open':
      throw new RegistrationError('registration_not_open', 'Registration has not opened yet');
    case 'closed':
      throw new RegistrationError('registration_closed', 'Registration has closed');
    case 'draft':
      throw eventNotFound();
  }
}

/** Keeps answers to the event's own questions only, and insists on the required ones. */
export function checkAnswers(
  questions: CustomQuestion[],
  given: Record<string, string>,
): Record<string, string> {
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

/** A hybrid event asks how one takes part, and needs an answer; the others store none. */
export function checkAttendance(mode: EventMode, given: Attendance | undefined): Attendance | null {
  if (mode !== 'hybrid') return null;
  if (!given)
    throw new RegistrationError('invalid_answers', 'Some fields are missing or invalid', {
      attendance: ['is required for a hybrid event: in_person or online'],
    });
  return given;
}

/** What the form's own rules keep of an input: the answers to the event's questions and, for a hybrid event, how one takes part. */
export interface CheckedForm {
  answers: Record<string, string>;
  attendance: Attendance | null;
}

/** The event's own questions and the attendance choice, checked together so one refusal names every missing field. */
export function checkForm(
  event: { customQuestions: CustomQuestion[]; mode: EventMode },
  input: Pick<RegistrationInput, 'answers' | 'attendance'>,
): CheckedForm {
  let answers: Record<string, string> = {};
  const fields: Record<string, string[]> = {};
  try {
    answers = checkAnswers(event.customQuestions, input.answers ?? {});
  } catch (err) {
    if (!(err instanceof RegistrationError)) throw err;
    Object.assign(fields, err.fields);
  }
  let attendance: Attendance | null = null;
  try {
    attendance = checkAttendance(event.mode, input.attendance);
  } catch (err) {
    if (!(err instanceof RegistrationError)) throw err;
    Object.assign(fields, err.fields);
  }
  if (Object.keys(fields).length > 0)
    throw new RegistrationError('invalid_answers', 'Some fields are missing or invalid', fields);
  return { answers, attendance };
}

/** What a registration, new or taken back, stores of what its registrant sent, with its new link. */
export function registrantFields(
  p: PendingRegistration,
  { answers, attendance }: CheckedForm,
): RegistrantFields {
  return {
    name: p.input.name,
    email: p.input.email,
    emailNormalised: p.emailNormalised,
    organisation: p.input.organisation || null,
    accessibilityNeeds: p.input.accessibilityNeeds || null,
    answers,
    attendance,
    consentAt: p.now,
    linkId: p.link.id,
    joinTokenHash: p.link.tokenHash,
  };
}
