import type { CustomQuestion, Locale, RegistrationView } from '@folkemote/domain';
import { excelCsv, osloCsvTime } from '../excel-csv.ts';

const headers: Record<Locale, string[]> = {
  nb: ['Status', 'Navn', 'E-post', 'Organisasjon', 'Tilretteleggingsbehov', 'Påmeldt', 'Avmeldt'],
  nn: ['Status', 'Namn', 'E-post', 'Organisasjon', 'Tilretteleggingsbehov', 'Påmeld', 'Avmeld'],
  en: ['Status', 'Name', 'E-mail', 'Organisation', 'Accessibility needs', 'Registered', 'Cancelled'],
};

/** The registrations for the organiser, as Norwegian Excel opens them (`excelCsv`). */
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
      osloCsvTime(r.createdAt),
      osloCsvTime(r.cancelledAt),
      ...questions.map((q) => r.answers[q.id] ?? ''),
    ]),
  ];
  return excelCsv(rows);
}
