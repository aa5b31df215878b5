import type { Locale } from '@folkemote/domain';
import {
  type DateStyle,
  formatDate,
  formatDateTime,
  formatDayAndMonth,
  formatTime,
  formatTimeRange,
  type TimeStyle,
} from '@folkemote/domain/dates';

// Every date on the page goes through @folkemote/domain/dates, which carries the Norwegian and
// English words itself: browsers have no nynorsk date data and would answer in their own language.

/**
 * An event's time span in Norwegian time whatever the viewer's own time zone:
 * the events happen in Norway, and "10:00" must mean the same to everyone.
 */
export function formatEventTime(startsAt: string, endsAt: string, locale: Locale): string {
  return formatTimeRange(startsAt, endsAt, locale);
}

/** A clock time in Norwegian time, e.g. for "last updated". */
export function formatClockTime(date: Date, _locale: Locale): string {
  return formatTime(date, 'medium');
}

/** Day and short month of an event's start in Norwegian time, for the calendar-leaf badge. */
export function formatDateBadge(startsAt: string, locale: Locale): { day: string; month: string } {
  return formatDayAndMonth(startsAt, locale);
}

/** A date without time in Norwegian time, e.g. a deadline. */
export function formatDay(iso: string, locale: Locale): string {
  return formatDate(iso, locale, 'long');
}

/** Formats one moment; shaped like Intl.DateTimeFormat so lists can hold one for many rows. */
export interface MomentFormat {
  format(date: Date): string;
}

const momentFormats = new Map<string, MomentFormat>();

/** A formatter for a moment in Norwegian time (without a date style, the time alone). */
export function osloMomentFormat(
  locale: Locale,
  dateStyle: DateStyle | null,
  timeStyle: TimeStyle,
): MomentFormat {
  const key = `${locale}|${dateStyle}|${timeStyle}`;
  let format = momentFormats.get(key);
  if (!format) {
    format = {
      format: (date) =>
        dateStyle ? formatDateTime(date, locale, dateStyle, timeStyle) : formatTime(date, timeStyle),
    };
    momentFormats.set(key, format);
  }
  return format;
}
