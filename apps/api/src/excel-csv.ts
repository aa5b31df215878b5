import { OSLO_TZ } from '@folkemote/domain';

/**
 * A cell as text Excel shows as typed: quoted, and with a leading apostrophe
 * where a spreadsheet would otherwise read a formula (=, +, -, @, tab, CR).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** UTF-8 with a byte-order mark, `;` between cells and CRLF line ends: what Norwegian Excel opens correctly. */
export function excelCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

// Made once: a formatter is costly to build, and an export formats a few per row.
const csvTimeFormats = {
  short: new Intl.DateTimeFormat('sv-SE', { timeZone: OSLO_TZ, dateStyle: 'short', timeStyle: 'short' }),
  medium: new Intl.DateTimeFormat('sv-SE', { timeZone: OSLO_TZ, dateStyle: 'short', timeStyle: 'medium' }),
};

/** A moment as Oslo time that spreadsheets read as a date (2026-03-12 13:05), or '' for none. */
export function osloCsvTime(iso: string | null, timeStyle: 'short' | 'medium' = 'short'): string {
  return iso ? csvTimeFormats[timeStyle].format(new Date(iso)) : '';
}
