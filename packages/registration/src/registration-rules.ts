import type { RegistrantFields } from '@folkemote/db';
import type {
  Attendance,
  CustomQuestion,
  EventMode,
  RegistrationInput,
  RegistrationState,
} from '@folkemote/domain';
import { z } from 'zod';
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

/** A required answer: given, and more than spaces. */
const requiredAnswer = z.string({ error: 'is required' }).trim().min(1, { error: 'is required' });
const optionalAnswer = z.string().trim().optional();

/** Keeps answers to the event's own questions only (unknown ones are dropped, empty ones left out), and insists on the required ones. */
function answersSchema(questions: CustomQuestion[]) {
  const shape = Object.fromEntries(
    questions.map((q) => [q.id, q.required ? requiredAnswer : optionalAnswer]),
  );
  return z
    .object(shape)
    .transform(
      (answers) =>
        Object.fromEntries(Object.entries(answers).filter(([, value]) => value)) as Record<string, string>,
    );
}

/** A hybrid event asks how one takes part, and needs an answer; the others store none. */
function attendanceSchema(mode: EventMode) {
  if (mode !== 'hybrid') return z.unknown().transform((): Attendance | null => null);
  return z.custom<Attendance>((given) => given !== undefined, {
    error: 'is required for a hybrid event: in_person or online',
  });
}

/** What the form's own rules keep of an input: the answers to the event's questions and, for a hybrid event, how one takes part. */
export interface CheckedForm {
  answers: Record<string, string>;
  attendance: Attendance | null;
}

/**
 * The event's own questions and the attendance choice, checked together: the form kept, or the
 * missing fields (`answers.<question id>`, `attendance`) with what is wrong with each.
 */
export function parseForm(
  event: { customQuestions: CustomQuestion[]; mode: EventMode },
  input: Pick<RegistrationInput, 'answers' | 'attendance'>,
): { ok: true; form: CheckedForm } | { ok: false; fields: Record<string, string[]> } {
  const parsed = z
    .object({ answers: answersSchema(event.customQuestions), attendance: attendanceSchema(event.mode) })
    .safeParse({ answers: input.answers ?? {}, attendance: input.attendance });
  if (parsed.success) return { ok: true, form: parsed.data };
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= [issue.message];
  return { ok: false, fields };
}

/** The checked form, or the refusal that names every missing field. */
export function checkForm(
  event: { customQuestions: CustomQuestion[]; mode: EventMode },
  input: Pick<RegistrationInput, 'answers' | 'attendance'>,
): CheckedForm {
  const parsed = parseForm(event, input);
  if (!parsed.ok)
    throw new RegistrationError('invalid_answers', 'Some fields are missing or invalid', parsed.fields);
  return parsed.form;
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
