import type { Messages } from '../i18n/messages.ts';

/** A recording's length in words ("1 t 5 min"), which screen readers read better than "1:05:00". */
export function formatDuration(seconds: number | null, t: Messages): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return t.duration.unknown;
  const whole = Math.round(seconds);
  if (whole < 60) return t.duration.seconds(whole);
  if (whole < 3600) return t.duration.minutesSeconds(Math.floor(whole / 60), whole % 60);
  const minutes = Math.round(whole / 60);
  return t.duration.hoursMinutes(Math.floor(minutes / 60), minutes % 60);
}

/** The same length as an ISO 8601 duration, for `<time datetime>`. */
export function toIsoDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || whole === 0 ? `${s}S` : ''}`;
}
