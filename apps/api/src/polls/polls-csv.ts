import type { Locale, PollRecord } from '@folkemote/domain';
import { excelCsv, osloCsvTime } from '../excel-csv.ts';

const headers: Record<Locale, string[]> = {
  nb: ['Avstemning', 'Flere valg', 'Resultater vist til', 'Status', 'Åpnet', 'Svar i alt', 'Valg', 'Stemmer'],
  nn: ['Avrøysting', 'Fleire val', 'Resultat viste til', 'Status', 'Opna', 'Svar i alt', 'Val', 'Røyster'],
  en: ['Poll', 'Multiple choice', 'Results shown to', 'Status', 'Opened', 'Answers', 'Choice', 'Votes'],
};
const yesNo: Record<Locale, [string, string]> = { nb: ['Ja', 'Nei'], nn: ['Ja', 'Nei'], en: ['Yes', 'No'] };
const shownTo: Record<Locale, Record<PollRecord['resultsVisibility'], string>> = {
  nb: { everyone: 'Alle', staff: 'Arrangørene' },
  nn: { everyone: 'Alle', staff: 'Arrangørane' },
  en: { everyone: 'Everyone', staff: 'Staff' },
};
const statusNames: Record<Locale, Record<PollRecord['status'], string>> = {
  nb: { draft: 'Utkast', open: 'Åpen', closed: 'Avsluttet' },
  nn: { draft: 'Utkast', open: 'Open', closed: 'Avslutta' },
  en: { draft: 'Draft', open: 'Open', closed: 'Closed' },
};

/**
 * The polls' results for the organiser: one row per choice, counts only (who
 * answered what is never exported). Same CSV dialect as the questions'.
 */
export function pollsCsv(polls: readonly PollRecord[], locale: Locale): string {
  const [yes, no] = yesNo[locale];
  const rows = [
    ['#', ...headers[locale]],
    ...polls.flatMap((p, i) =>
      p.options.map((o) => [
        String(i + 1),
        p.question,
        p.multiple ? yes : no,
        shownTo[locale][p.resultsVisibility],
        statusNames[locale][p.status],
        osloCsvTime(p.openedAt),
        String(p.answerCount),
        o.text,
        String(o.votes),
      ]),
    ),
  ];
  return excelCsv(rows);
}
