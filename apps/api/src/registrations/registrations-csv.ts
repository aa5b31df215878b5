import type { CustomQuestion, Locale, RegistrationStatus, RegistrationView } from '@folkemote/domain';
import { excelCsv, osloCsvTime } from '../excel-csv.ts';

const headers: Record<Locale, string[]> = {
  nb: [
    'Status',
    'Navn',
    'E-post',
    'Organisasjon',
    'Tilretteleggingsbehov',
    'Tidspunkt for påmelding',
    'Tidspunkt for avmelding',
  ],
  nn: [
    'Status',
    'Namn',
    'E-post',
    'Organisasjon',
    'Tilretteleggingsbehov',
    'Tidspunkt for påmelding',
    'Tidspunkt for avmelding',
  ],
  en: ['Status', 'Name', 'E-mail', 'Organisation', 'Accessibility needs', 'Registered at', 'Cancelled at'],
};

/** The status as the organiser's page names it, in the language they read the file in. */
const statusWords: Record<Locale, Record<RegistrationStatus, string>> = {
  nb: { confirmed: 'Påmeldt', waitlisted: 'Venteliste', cancelled: 'Avmeldt' },
  nn: { confirmed: 'Påmeld', waitlisted: 'Venteliste', cancelled: 'Avmeld' },
  en: { confirmed: 'Confirmed', waitlisted: 'Waiting list', cancelled: 'Cancelled' },
};

/**
 * The registrations for the organiser, as Norwegian Excel opens them (`excelCsv`), in the
 * organiser's language (headers and statuses); the event's own questions keep their own words.
 */
export function registrationsCsv(
  registrations: RegistrationView[],
  questions: CustomQuestion[],
  locale: Locale,
): string {
  const rows = [
    [...headers[locale], ...questions.map((q) => q.label)],
    ...registrations.map((r) => [
      statusWords[locale][r.status],
      r.name,
      r.email,
      r.organisation ?? '',
      r.accessibilityNeeds ?? '',
      osloCsvTime(r.createdAt),
      osloCsvTime(r.cancelledAt),
      ...questions.map((q) => r.answers[q.id] ?? ''),
    ]),
  ];
  return excelCsv(rows);
}
