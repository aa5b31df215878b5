import { z } from 'zod';
import { formatOsloLocal } from './dates.ts';
import { noControlChars } from './no-control-chars.ts';
import {
  customQuestionsSchema,
  eventModes,
  type PublicEventView,
  type RegistrationCounts,
} from './registration.ts';

export const locales = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof locales)[number];
export const OSLO_TZ = 'Europe/Oslo';

export const slugSchema = z
  .string()
  .min(3, 'must be at least 3 characters')
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');

export const contactSchema = z.object({
  name: z.string().min(1).max(200),
  email: z.email(),
  phone: z.string().max(40).nullable().optional(),
});

export const eventInputSchema = z
  .object({
    slug: slugSchema,
    title: z.string().min(3).max(200),
    description: z.string().max(20_000).default(''),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    organisationSlug: slugSchema,
    language: z.enum(locales).default('nb'),
    contact: contactSchema,
  })
  .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    message: 'must be after startsAt',
    path: ['endsAt'],
  });
export type EventInput = z.infer<typeof eventInputSchema>;

/** The public view of an event: what replay pages and the API show. */
export interface PublicEvent {
  id: string;
  slug: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  language: Locale;
  organisation: { slug: string; name: string };
  contact: { name: string; email: string; phone: string | null };
}

/** Wall-clock time in Oslo without an offset, as a `datetime-local` form field sends it. */
const osloLocalPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
/** The Oslo wall-clock time of an instant, as `YYYY-MM-DDTHH:mm:ss`. */
export function toOsloLocal(instant: Date): string {
  return formatOsloLocal(instant, true);
}

/**
 * Reads a time given either with an offset (`2026-03-01T10:00:00+01:00`, `…Z`)
 * or as Oslo wall-clock time (`2026-03-01T10:00`), and returns the instant in
 * UTC ISO form; null when it is no valid time. A wall-clock time that does not
 * exist in Oslo (the hour skipped when clocks go forward) is refused; one that
 * happens twice (when they go back) is read as the first.
 */
export function parseOsloTime(value: string): string | null {
  const local = osloLocalPattern.exec(value);
  if (!local) {
    if (!z.iso.datetime({ offset: true }).safeParse(value).success) return null;
    return new Date(value).toISOString();
  }
  const [y, mo, d, h, mi, s] = local.slice(1).map((part) => Number(part ?? 0)) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const wanted = `${local[1]}-${local[2]}-${local[3]}T${local[4]}:${local[5]}:${local[6] ?? '00'}`;
  // Oslo is UTC+1 or UTC+2: try the larger offset first, so an ambiguous time resolves to the earlier instant.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(wall - offsetHours * 3600_000);
    if (toOsloLocal(candidate) === wanted) return candidate.toISOString();
  }
  return null;
}

const editText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine(noControlChars, 'must not contain control characters');
const osloTime = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const instant = parseOsloTime(value);
    if (instant === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a date and time, e.g. 2026-03-01T10:00 (Oslo time) or 2026-03-01T10:00:00+01:00',
      });
      return z.NEVER;
    }
    return instant;
  });

const eventContactSchema = z.object({
  name: editText(1, 200),
  email: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email('must be an e-mail address')),
  phone: z
    .string()
    .trim()
    .max(40, 'must be at most 40 characters')
    .regex(/^\+?[\d ()-]*$/, 'must be a phone number (digits, spaces, +, - and brackets)')
    .nullable()
    .optional()
    .transform((phone) => phone || null),
});

/** The fields an organiser edits, without defaults, so that a PATCH can name only what changes. */
export const eventEditFields = {
  title: editText(3, 200),
  slug: slugSchema,
  description: z
    .string()
    .max(20_000, 'must be at most 20000 characters')
    .refine(noControlChars, 'must not contain control characters'),
  startsAt: osloTime,
  endsAt: osloTime,
  mode: z.enum(eventModes, 'must be online, onsite or hybrid'),
  address: editText(1, 500).nullable(),
  language: z.enum(locales, 'must be nb, nn or en'),
  registrationOpensAt: osloTime.nullable(),
  registrationClosesAt: osloTime.nullable(),
  capacity: z
    .number('must be a whole number')
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100_000, 'must be at most 100000')
    .nullable(),
  roomCapacity: z
    .number('must be a whole number')
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100_000, 'must be at most 100000')
    .nullable(),
  waitlistEnabled: z.boolean('must be true or false'),
  contact: eventContactSchema,
  recorded: z.boolean('must be true or false'),
  /** Sent live on the public site (HLS, no sign-in), whose address then holds the replay. */
  broadcast: z.boolean('must be true or false'),
  retentionDays: z
    .number('must be a whole number of days')
    .int('must be a whole number of days')
    .min(0, 'must be 0 or more')
    .max(3650, 'must be at most 3650'),
  customQuestions: customQuestionsSchema.refine(
    (questions) => new Set(questions.map((q) => q.id)).size === questions.length,
    'each question needs its own id',
  ),
};

/** What a new event starts with when the organiser leaves a field out. */
export const eventEditDefaults = {
  description: '',
  mode: 'online',
  address: null,
  language: 'nb',
  registrationOpensAt: null,
  registrationClosesAt: null,
  capacity: null,
  roomCapacity: null,
  waitlistEnabled: true,
  recorded: false,
  broadcast: false,
  retentionDays: 30,
  customQuestions: [],
} as const;

/**
 * A whole event as an organiser saves it (create, or an edit merged onto the
 * stored event). Times come back as UTC ISO instants.
 */
export const eventEditSchema = z.object(eventEditFields).superRefine((e, ctx) => {
  if (Date.parse(e.endsAt) <= Date.parse(e.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
  if (e.mode !== 'online' && !e.address)
    ctx.addIssue({
      code: 'custom',
      path: ['address'],
      message: 'is required for an event on site or hybrid',
    });
  if (e.roomCapacity !== null && e.mode !== 'hybrid')
    ctx.addIssue({ code: 'custom', path: ['roomCapacity'], message: 'is for hybrid events only' });
  if (
    e.registrationOpensAt &&
    e.registrationClosesAt &&
    Date.parse(e.registrationClosesAt) <= Date.parse(e.registrationOpensAt)
  )
    ctx.addIssue({
      code: 'custom',
      path: ['registrationClosesAt'],
      message: 'must be after registration opens',
    });
  if (e.registrationClosesAt && Date.parse(e.registrationClosesAt) > Date.parse(e.endsAt))
    ctx.addIssue({
      code: 'custom',
      path: ['registrationClosesAt'],
      message: 'must not be after the event ends',
    });
  if (e.registrationOpensAt && Date.parse(e.registrationOpensAt) >= Date.parse(e.endsAt))
    ctx.addIssue({ code: 'custom', path: ['registrationOpensAt'], message: 'must be before the event ends' });
});
export type EventEdit = z.output<typeof eventEditSchema>;

/** A PATCH: any of the fields (and of the contact's), each checked on its own; the whole is checked again once merged. */
export const eventPatchSchema = z
  .object({ ...eventEditFields, contact: eventContactSchema.partial() })
  .partial();
export type EventPatch = z.output<typeof eventPatchSchema>;

/** An event as its organisers see it: every setting, the status, and the description rendered to safe HTML. */
export type OrganiserEvent = PublicEventView & {
  descriptionHtml: string;
  counts: RegistrationCounts;
};
