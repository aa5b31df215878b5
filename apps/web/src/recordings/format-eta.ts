import type { Messages } from '../i18n/messages.ts';

/** "om lag 3 min igjen": rounded to whole minutes, since second-level precision would only flicker. */
export function formatEta(etaSeconds: number | null, t: Messages): string {
  if (etaSeconds === null || !Number.isFinite(etaSeconds)) return t.eta.unknown;
  if (etaSeconds < 60) return t.eta.underAMinute;
  const minutes = Math.round(etaSeconds / 60);
  if (minutes < 60) return t.eta.minutes(minutes);
  return t.eta.hoursMinutes(Math.floor(minutes / 60), minutes % 60);
}
