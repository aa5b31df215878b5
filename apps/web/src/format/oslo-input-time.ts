// Restated rather than imported, so the bundle need not load the domain's schemas (see format-date.ts).
const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * An instant as the value of a `datetime-local` field in Norwegian time
 * (`2027-03-10T10:00`). The API reads such values as Oslo time, so the organiser
 * sees and types Norwegian time wherever their computer is.
 */
export function toOsloInputValue(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = Object.fromEntries(osloParts.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
