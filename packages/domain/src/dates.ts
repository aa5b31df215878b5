/**
 * Dates and times in Norwegian time, in bokmål, nynorsk or English, for every surface that shows
 * them (web app, e-mails, calendar files, the public site).
 *
 * The words and patterns are carried here rather than asked of Intl: browsers ship no `nn` date
 * data (Chromium falls back to the browser's own language, so a nynorsk page in an English browser
 * said "Wednesday, January 20"). Intl is used only for what every build has: the Oslo wall clock
 * as numbers. This file imports nothing, so the web bundle can load it without the schemas.
 */

export type DateLanguage = 'nb' | 'nn' | 'en';
export type DateStyle = 'full' | 'long' | 'short';
export type TimeStyle = 'short' | 'medium';

const OSLO = 'Europe/Oslo';

interface Words {
  months: readonly string[];
  shortMonths: readonly string[];
  /** Monday first. */
  weekdays: readonly string[];
}

const norwegianMonths = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;
const norwegianShortMonths = [
  'jan',
  'feb',
  'mar',
  'apr',
  'mai',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'nov',
  'des',
] as const;

const words: Record<DateLanguage, Words> = {
  nb: {
    months: norwegianMonths,
    shortMonths: norwegianShortMonths,
    weekdays: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  },
  nn: {
    months: norwegianMonths,
    shortMonths: norwegianShortMonths,
    weekdays: ['måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag', 'søndag'],
  },
  en: {
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  },
};

/** The wall clock in Oslo at one moment, as numbers. */
export interface OsloClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

// 'en-US' numeric parts: present in every ICU build, and the same digits everywhere.
const clockFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: OSLO,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

function toDate(at: Date | string): Date {
  return typeof at === 'string' ? new Date(at) : at;
}

/** The Oslo wall clock (with summer time) at a moment, whatever the machine's own zone. */
export function osloClock(at: Date | string): OsloClock {
  const parts: Record<string, number> = {};
  for (const part of clockFormat.formatToParts(toDate(at))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 0;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  // getUTCDay: 0 = Sunday; shift so that Monday is 0.
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return {
    year,
    month,
    day,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    weekday,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `10:05` or, with seconds, `10:05:09` (24-hour in all three languages). */
export function formatTime(at: Date | string, style: TimeStyle = 'short'): string {
  const c = osloClock(at);
  return style === 'medium'
    ? `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`
    : `${pad(c.hour)}:${pad(c.minute)}`;
}

function dateFromClock(c: OsloClock, language: DateLanguage, style: DateStyle): string {
  const w = words[language];
  const month = w.months[c.month - 1];
  const weekday = w.weekdays[c.weekday];
  if (language === 'en') {
    if (style === 'short') return `${pad(c.day)}/${pad(c.month)}/${c.year}`;
    const long = `${c.day} ${month} ${c.year}`;
    return style === 'full' ? `${weekday}, ${long}` : long;
  }
  if (style === 'short') return `${pad(c.day)}.${pad(c.month)}.${c.year}`;
  const long = `${c.day}. ${month} ${c.year}`;
  return style === 'full' ? `${weekday} ${long}` : long;
}

/**
 * A date in Oslo: `tysdag 14. oktober 2025` (full), `14. oktober 2025` (long), `14.10.2025`
 * (short); in English `Tuesday, 14 October 2025`, `14 October 2025`, `14/10/2025`.
 */
export function formatDate(at: Date | string, language: DateLanguage, style: DateStyle = 'long'): string {
  return dateFromClock(osloClock(at), language, style);
}

/** A date and its clock time: `14. oktober 2025 kl. 10:05`, `14.10.2025, 10:05`, `14 October 2025 at 10:05`. */
export function formatDateTime(
  at: Date | string,
  language: DateLanguage,
  dateStyle: DateStyle = 'long',
  timeStyle: TimeStyle = 'short',
): string {
  const date = formatDate(at, language, dateStyle);
  const time = formatTime(at, timeStyle);
  if (dateStyle === 'short') return `${date}, ${time}`;
  return language === 'en' ? `${date} at ${time}` : `${date} kl. ${time}`;
}

function sameOsloDay(a: OsloClock, b: OsloClock): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * An event's span: `tysdag 14. oktober 2025, 10:00–11:30`; across midnight each end names its day
 * (`laurdag 29. mars 2025 kl. 23:00 – søndag 30. mars 2025 kl. 03:00`).
 */
export function formatTimeRange(start: Date | string, end: Date | string, language: DateLanguage): string {
  if (sameOsloDay(osloClock(start), osloClock(end))) {
    return `${formatDate(start, language, 'full')}, ${formatTime(start)}–${formatTime(end)}`;
  }
  return `${formatDateTime(start, language, 'full')} – ${formatDateTime(end, language, 'full')}`;
}

/** Day and short month for a calendar-leaf badge: `{ day: '1.', month: 'jan' }`, `{ day: '14', month: 'Oct' }`. */
export function formatDayAndMonth(at: Date | string, language: DateLanguage): { day: string; month: string } {
  const c = osloClock(at);
  return {
    day: language === 'en' ? String(c.day) : `${c.day}.`,
    month: words[language].shortMonths[c.month - 1] ?? '',
  };
}

/**
 * The Oslo wall clock as machine text: `2026-03-12T13:05` (with seconds `2026-03-12T13:05:09`),
 * for `datetime-local` fields, spreadsheets and calendar files.
 */
export function formatOsloLocal(at: Date | string, withSeconds = false): string {
  const c = osloClock(at);
  const date = `${c.year}-${pad(c.month)}-${pad(c.day)}`;
  return `${date}T${pad(c.hour)}:${pad(c.minute)}${withSeconds ? `:${pad(c.second)}` : ''}`;
}
