import type { Locale } from '@folkemote/domain';
import { formatDate as formatLongDate, formatTimeRange } from '@folkemote/domain/dates';
import { intlLocale, translateCount } from './messages.ts';

function splitSeconds(totalSeconds: number): { hours: number; minutes: number; seconds: number } {
  const whole = Math.max(0, Math.round(totalSeconds));
  return { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60), seconds: whole % 60 };
}

/** `1:05:09` or `5:09`: the compact form players and thumbnails use. */
export function formatClock(totalSeconds: number): string {
  const { hours, minutes, seconds } = splitSeconds(totalSeconds);
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** `1 time 5 minutter`: what a screen reader should say instead of the clock form. */
export function formatDurationWords(locale: Locale, totalSeconds: number): string {
  const { hours, minutes, seconds } = splitSeconds(totalSeconds);
  const parts: string[] = [];
  if (hours > 0) parts.push(translateCount(locale, 'hours', hours));
  if (minutes > 0) parts.push(translateCount(locale, 'minutes', minutes));
  // Seconds only matter for short clips; "1 hour 5 minutes 9 seconds" is noise.
  if (hours === 0 && (seconds > 0 || minutes === 0)) parts.push(translateCount(locale, 'seconds', seconds));
  return parts.join(' ');
}

/** ISO 8601 duration (`PT1H5M9S`) for `<time datetime>` and schema.org. */
export function formatIsoDuration(totalSeconds: number): string {
  const { hours, minutes, seconds } = splitSeconds(totalSeconds);
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds > 0 || (hours === 0 && minutes === 0) ? `${seconds}S` : ''}`;
}

/** Decimal units, as file managers on most systems show them: `12,3 MB`. */
export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const number = new Intl.NumberFormat(intlLocale[locale], {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}

/** `tirsdag 11. mars 2025, 10:00–11:30`, always in Norwegian time. */
export function formatEventTime(locale: Locale, startsAt: string, endsAt: string): string {
  return formatTimeRange(startsAt, endsAt, locale);
}

/** `11. mars 2025`, in Norwegian time. */
export function formatDate(locale: Locale, iso: string): string {
  return formatLongDate(iso, locale, 'long');
}

/** RFC 822 date for RSS (`Tue, 11 Mar 2025 09:00:00 GMT`). */
export function formatRfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** A short, human name for a MIME type in the download link: `MP4`, `M4A`. */
export function describeFormat(contentType: string, file: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file)?.[1];
  if (extension) return extension.toUpperCase();
  return contentType.split('/')[1]?.toUpperCase() ?? contentType;
}
