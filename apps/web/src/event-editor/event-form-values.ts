import type { CustomQuestion, EventMode, Locale, OrganiserEvent } from '@folkemote/domain';
import type { OrganiserMessages } from '../i18n/organiser-messages.ts';
import { toOsloInputValue } from './oslo-input-time.ts';

/** The editor's fields as the form holds them: text as typed, times as Oslo wall-clock time. */
export interface EventFormValues {
  title: string;
  slug: string;
  description: string;
  startsAt: string;
  endsAt: string;
  mode: EventMode;
  address: string;
  language: Locale;
  registrationOpensAt: string;
  registrationClosesAt: string;
  capacity: string;
  roomCapacity: string;
  waitlistEnabled: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  recorded: boolean;
  broadcast: boolean;
  retentionDays: string;
  customQuestions: CustomQuestion[];
}

export const emptyEventForm: EventFormValues = {
  title: '',
  slug: '',
  description: '',
  startsAt: '',
  endsAt: '',
  mode: 'online',
  address: '',
  language: 'nb',
  registrationOpensAt: '',
  registrationClosesAt: '',
  capacity: '',
  roomCapacity: '',
  waitlistEnabled: true,
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  recorded: false,
  broadcast: false,
  retentionDays: '30',
  customQuestions: [],
};

export function eventToFormValues(event: OrganiserEvent): EventFormValues {
  return {
    title: event.title,
    slug: event.slug,
    description: event.description,
    startsAt: toOsloInputValue(event.startsAt),
    endsAt: toOsloInputValue(event.endsAt),
    mode: event.mode,
    address: event.address ?? '',
    language: event.language,
    registrationOpensAt: toOsloInputValue(event.registrationOpensAt),
    registrationClosesAt: toOsloInputValue(event.registrationClosesAt),
    capacity: event.capacity === null ? '' : String(event.capacity),
    roomCapacity: event.roomCapacity === null ? '' : String(event.roomCapacity),
    waitlistEnabled: event.waitlistEnabled,
    contactName: event.contact.name,
    contactEmail: event.contact.email,
    contactPhone: event.contact.phone ?? '',
    recorded: event.recorded,
    broadcast: event.broadcast,
    retentionDays: String(event.retentionDays),
    customQuestions: event.customQuestions,
  };
}

/** A number as the API wants it; text that is no whole number goes as typed, so the API names the field. */
const whole = (value: string): number | string | null => {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
};

/** The request body for POST /api/events and PATCH /api/events/{slug}. */
export function formValuesToBody(v: EventFormValues): Record<string, unknown> {
  return {
    title: v.title,
    slug: v.slug.trim(),
    description: v.description,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    mode: v.mode,
    address: v.mode === 'online' ? null : v.address.trim() || null,
    language: v.language,
    registrationOpensAt: v.registrationOpensAt || null,
    registrationClosesAt: v.registrationClosesAt || null,
    capacity: whole(v.capacity),
    roomCapacity: v.mode === 'hybrid' ? whole(v.roomCapacity) : null,
    waitlistEnabled: v.waitlistEnabled,
    contact: { name: v.contactName, email: v.contactEmail, phone: v.contactPhone.trim() || null },
    recorded: v.recorded,
    broadcast: v.broadcast,
    retentionDays: whole(v.retentionDays) ?? '',
    customQuestions: v.customQuestions,
  };
}

/** A slug suggested from the title while the organiser has not typed one: "Møte om Ås" → "mote-om-as". */
export function suggestSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The form's field ids in the order they appear, so the error summary follows the page. */
export const fieldOrder = [
  'title',
  'slug',
  'description',
  'startsAt',
  'endsAt',
  'mode',
  'address',
  'language',
  'registrationOpensAt',
  'registrationClosesAt',
  'capacity',
  'roomCapacity',
  'waitlistEnabled',
  'contact.name',
  'contact.email',
  'contact.phone',
  'recorded',
  'broadcast',
  'retentionDays',
  'customQuestions',
] as const;

/** The id of the input an API field name (`contact.email`, `customQuestions.0.label`) belongs to. */
export function fieldInputId(field: string): string {
  return `event-${field.replace(/\./g, '-')}`;
}

/** Orders API field errors as the form shows its fields. */
export function sortFieldErrors(fields: Record<string, string[]>): [string, string[]][] {
  const rank = (field: string) => {
    const i = fieldOrder.findIndex((f) => field === f || field.startsWith(`${f}.`));
    return i === -1 ? fieldOrder.length : i;
  };
  return Object.entries(fields).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The API's (English) reason for a bad field, in the interface language. */
export function describeFieldError(message: string, t: OrganiserMessages['editor']['fieldErrors']): string {
  const number = (pattern: RegExp) => Number(pattern.exec(message)?.[1]);
  if (
    message === 'is required' ||
    message === 'must not be empty' ||
    /expected \w+, received undefined/i.test(message)
  )
    return t.required;
  if (/^must be at least \d+ characters$/.test(message)) return t.tooShort(number(/(\d+)/));
  if (/^must be at most \d+ characters$/.test(message)) return t.tooLong(number(/(\d+)/));
  if (message.startsWith('must be lower-case letters')) return t.slug;
  if (message === 'is used by another event') return t.slugTaken;
  if (message.startsWith('must be a date and time')) return t.time;
  if (message === 'must be after the start') return t.endBeforeStart;
  if (message.startsWith('is required for an event on site')) return t.addressRequired;
  if (message.includes('e-mail address')) return t.email;
  if (message.startsWith('must be a phone number')) return t.phone;
  if (message.startsWith('must be a whole number')) return t.wholeNumber;
  if (/^must be (at least )?\d+ or more$|^must be at least \d+$/.test(message))
    return t.atLeast(number(/(\d+)/));
  if (/^must be at most \d+$/.test(message)) return t.atMost(number(/(\d+)/));
  if (message === 'must be after registration opens') return t.closesBeforeOpens;
  if (message === 'must not be after the event ends') return t.closesAfterEnd;
  if (message === 'must be before the event ends') return t.opensAfterEnd;
  if (message === 'at most 5 questions') return t.tooManyQuestions;
  return t.other;
}
