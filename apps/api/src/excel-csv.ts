import { formatOsloLocal } from '@folkemote/domain/dates';

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

/** A moment as Oslo time that spreadsheets read as a date (2026-03-12 13:05), or '' for none. */
export function osloCsvTime(iso: string | null, timeStyle: 'short' | 'medium' = 'short'): string {
  return iso ? formatOsloLocal(iso, timeStyle === 'medium').replace('T', ' ') : '';
}
