import { type CustomQuestion, type Locale, OSLO_TZ, type RegistrationView } from '@folkemote/domain';

const headers: Record<Locale, string[]> = {
  nb: ['Status', 'Navn', 'E-post', 'Organisasjon', 'Tilretteleggingsbehov', 'Påmeldt', 'Avmeldt'],
  nn: ['Status', 'Namn', 'E-post', 'Organisasjon', 'Tilretteleggingsbehov', 'Påmeld', 'Avmeld'],
  en: ['Status', 'Name', 'E-mail', 'Organisation', 'Accessibility needs', 'Registered', 'Cancelled'],
};

/**
 * A cell as text Excel shows as typed: quoted, and with a leading apostrophe
 * where a spreadsheet would otherwise read a formula (=, +, -, @, tab, CR).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function osloTime(iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: OSLO_TZ,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** UTF-8 with a byte-order mark, `;` between cells and CRLF line ends: what Norwegian Excel opens correctly. */
export function registrationsCsv(
  registrations: RegistrationView[],
  questions: CustomQuestion[],
  locale: Locale,
): string {
  const rows = [
    [...headers[locale], ...questions.map((q) => q.label)],
    ...registrations.map((r) => [
      r.status,
      r.name,
      r.email,
      r.organisation ?? '',
      r.accessibilityNeeds ?? '',
      osloTime(r.createdAt),
      osloTime(r.cancelledAt),
      ...questions.map((q) => r.answers[q.id] ?? ''),
    ]),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
