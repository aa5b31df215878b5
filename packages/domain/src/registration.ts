import { z } from 'zod';
import type { PublicEvent } from './event.ts';
import { noControlChars } from './no-control-chars.ts';

export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const eventModes = ['online', 'onsite', 'hybrid'] as const;
export type EventMode = (typeof eventModes)[number];
export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
/** How a registrant for a hybrid event takes part. */
export const attendances = ['in_person', 'online'] as const;
export type Attendance = (typeof attendances)[number];
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** A question an organiser adds to the form; answers are free text. */
export const customQuestionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be 1–40 lower-case letters, digits or hyphens'),
  label: z.string().min(1).max(200),
  required: z.boolean().default(false),
});
export type CustomQuestion = z.infer<typeof customQuestionSchema>;
export const customQuestionsSchema = z.array(customQuestionSchema).max(5, 'at most 5 questions');

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(noControlChars, 'must not contain control characters');

/** What the public form sends. `website` is a honeypot: people leave it empty, form-filling robots do not. */
export const registrationInputSchema = z.object({
  name: text(200).pipe(z.string().min(1, 'is required')),
  email: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email('must be a valid e-mail address')),
  organisation: text(200).optional(),
  accessibilityNeeds: text(1000).optional(),
  answers: z.record(z.string().max(40), text(1000)).optional(),
  /** Asked for hybrid events only (required there), ignored for the others. */
  attendance: z.enum(attendances, 'must be in_person or online').optional(),
  consent: z.literal(true, 'must be accepted to register'),
  website: z.string().max(200).optional(),
});
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

/** Why a registration is refused (409). */
export const registrationRefusals = [
  'event_not_published',
  'event_cancelled',
  'registration_not_open',
  'registration_closed',
  /** The event has taken place: its planned end has passed, or its live room has ended. */
  'event_over',
  'event_full',
  'room_full',
] as const;
export type RegistrationRefusal = (typeof registrationRefusals)[number];

/** Whether the form takes registrations now, and what they become. */
export const registrationStates = [
  'open',
  'waitlist',
  'full',
  'not_yet_open',
  'closed',
  'cancelled',
  'draft',
] as const;
export type RegistrationState = (typeof registrationStates)[number];

export interface EventRegistrationSettings {
  status: EventStatus;
  mode: EventMode;
  address: string | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  capacity: number | null;
  /** A hybrid event's seats in the room: in-person registrations beyond it are refused; null for no limit. */
  roomCapacity: number | null;
  waitlistEnabled: boolean;
  recorded: boolean;
  /** Sent live on the public site; its broadcast's address becomes the replay's. */
  broadcast: boolean;
  retentionDays: number;
  customQuestions: CustomQuestion[];
  cancelledAt: string | null;
}

/** An event as the public pages show it: settings, seats left and whether one can register now. */
export type PublicEventView = PublicEvent &
  EventRegistrationSettings & {
    /** Null when the event has no seat limit. */
    seatsLeft: number | null;
    /** Seats left in the room of a hybrid event with a room capacity; null otherwise. */
    roomSeatsLeft: number | null;
    registrationState: RegistrationState;
  };

/**
 * An event as the public API answers it: the view, with the description rendered the one way
 * (safe HTML for pages, plain text for cards and calendars), whether it has taken place, and
 * its public replay when there is one.
 */
export type PublicEventPage = PublicEventView & {
  descriptionHtml: string;
  descriptionText: string;
  hasEnded: boolean;
  replayUrl: string | null;
  /** A broadcast event's page on the public site: the live stream, and its replay after; else null. */
  broadcastUrl: string | null;
};

export interface RegistrationCounts {
  confirmed: number;
  waitlisted: number;
  cancelled: number;
}

/** Of the active (confirmed or waiting) registrations of a hybrid event: how many come in person and how many online. */
export type AttendanceCounts = Record<Attendance, number>;

/** A registrant's own view of their registration (from the personal link) and the organiser's list rows. */
export interface RegistrationView {
  id: string;
  eventSlug: string;
  status: RegistrationStatus;
  name: string;
  email: string;
  organisation: string | null;
  accessibilityNeeds: string | null;
  answers: Record<string, string>;
  /** In person or online, for a hybrid event; null otherwise. */
  attendance: Attendance | null;
  consentAt: string;
  createdAt: string;
  cancelledAt: string | null;
  /** When they were ticked off at the door (on-site and hybrid events); null until then. */
  checkedInAt: string | null;
}

/** What the organiser's check-in list sends: ticked off at the door, or not. */
export const registrationCheckInSchema = z
  .object({ checkedIn: z.boolean('checkedIn must be true or false') })
  .strict();

/** Lower-cased and trimmed: the key that makes a second registration with the same address the same one. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The state the form is in at `now`, from the event's settings and its confirmed count. */
export function registrationStateAt(
  event: Pick<
    EventRegistrationSettings,
    'status' | 'registrationOpensAt' | 'registrationClosesAt' | 'capacity' | 'waitlistEnabled'
  > & { endsAt: string },
  confirmed: number,
  now: Date,
): RegistrationState {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status === 'draft') return 'draft';
  if (event.registrationOpensAt && now < new Date(event.registrationOpensAt)) return 'not_yet_open';
  // Without a deadline one can register until the webinar is over (and join late).
  const closesAt = event.registrationClosesAt ?? event.endsAt;
  if (now >= new Date(closesAt)) return 'closed';
  if (event.capacity !== null && confirmed >= event.capacity)
    return event.waitlistEnabled ? 'waitlist' : 'full';
  return 'open';
}
