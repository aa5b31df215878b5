import { formatOsloLocal } from '@folkemote/domain/dates';

/**
 * An instant as the value of a `datetime-local` field in Norwegian time
 * (`2027-03-10T10:00`). The API reads such values as Oslo time, so the organiser
 * sees and types Norwegian time wherever their computer is.
 */
export function toOsloInputValue(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return formatOsloLocal(date);
}
