import type { OSLO_TZ as DomainTimeZone, Locale } from '@folkemote/domain';
import { intlLocale } from '../i18n/messages.ts';

// The domain's constant, restated so that the bundle need not load the domain's
// schemas (and zod) for one string; the type keeps the two from drifting apart.
const OSLO_TZ: typeof DomainTimeZone = 'Europe/Oslo';

const eventFormat = {
  timeZone: OSLO_TZ,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
} as const satisfies Intl.DateTimeFormatOptions;

/**
 * An event's time span in Norwegian time whatever the viewer's own time zone:
 * the events happen in Norway, and "10:00" must mean the same to everyone.
 */
export function formatEventTime(startsAt: string, endsAt: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(intlLocale[locale], eventFormat);
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** A clock time in Norwegian time, e.g. for "last updated". */
export function formatClockTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: OSLO_TZ,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
}

/** Day and short month of an event's start in Norwegian time, for the calendar-leaf badge. */
export function formatDateBadge(startsAt: string, locale: Locale): { day: string; month: string } {
  const date = new Date(startsAt);
  const tag = intlLocale[locale];
  return {
    day: new Intl.DateTimeFormat(tag, { timeZone: OSLO_TZ, day: 'numeric' }).format(date),
    month: new Intl.DateTimeFormat(tag, { timeZone: OSLO_TZ, month: 'short' })
      .format(date)
      .replace(/\.$/, ''),
  };
}

/** A date without time in Norwegian time, e.g. a deadline. */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: OSLO_TZ,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

type DateStyle = 'full' | 'long' | 'short';
const momentFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A formatter for a moment in Norwegian time in one of Intl's preset styles (without a date
 * style, the time alone). Cached: lists format many rows with the same one.
 */
export function osloMomentFormat(
  locale: Locale,
  dateStyle: DateStyle | null,
  timeStyle: 'short' | 'medium',
): Intl.DateTimeFormat {
  const key = `${locale}|${dateStyle}|${timeStyle}`;
  let format = momentFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], {
      timeZone: OSLO_TZ,
      ...(dateStyle ? { dateStyle } : {}),
      timeStyle,
    });
    momentFormats.set(key, format);
  }
  return format;
}
