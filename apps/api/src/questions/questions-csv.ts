import type { Locale, QuestionRecord } from '@folkemote/domain';
import { excelCsv, osloCsvTime } from '../excel-csv.ts';

const headers: Record<Locale, string[]> = {
  nb: [
    'Status',
    'Spørsmål',
    'Opprinnelig tekst',
    'Spurt av',
    'Anonym',
    'Stemmer',
    'Festet',
    'Svar',
    'Stilt',
    'Fremhevet',
    'Besvart',
    'Slått sammen med',
  ],
  nn: [
    'Status',
    'Spørsmål',
    'Opphavleg tekst',
    'Spurt av',
    'Anonym',
    'Røyster',
    'Festa',
    'Svar',
    'Stilt',
    'Framheva',
    'Svart på',
    'Slått saman med',
  ],
  en: [
    'Status',
    'Question',
    'Original text',
    'Asked by',
    'Anonymous',
    'Votes',
    'Pinned',
    'Answer',
    'Asked',
    'Highlighted',
    'Answered',
    'Merged into',
  ],
};

const yesNo: Record<Locale, [string, string]> = { nb: ['Ja', 'Nei'], nn: ['Ja', 'Nei'], en: ['Yes', 'No'] };

const statusNames: Record<Locale, Record<QuestionRecord['status'], string>> = {
  nb: {
    pending: 'Venter',
    live: 'Synlig',
    highlighted: 'Fremhevet',
    answered: 'Besvart',
    dismissed: 'Avvist',
    merged: 'Slått sammen',
  },
  nn: {
    pending: 'Ventar',
    live: 'Synleg',
    highlighted: 'Framheva',
    answered: 'Svart på',
    dismissed: 'Avvist',
    merged: 'Slått saman',
  },
  en: {
    pending: 'Pending',
    live: 'Live',
    highlighted: 'Highlighted',
    answered: 'Answered',
    dismissed: 'Dismissed',
    merged: 'Merged',
  },
};

/**
 * The questions for the organiser, as the registrations CSV: UTF-8 with a BOM, `;`
 * between cells, CRLF, and cells Excel shows as typed (never as formulas). Askers
 * are named, anonymous or not: it is for the organisers, who see that anyway.
 */
export function questionsCsv(questions: readonly QuestionRecord[], locale: Locale): string {
  const [yes, no] = yesNo[locale];
  const byId = new Map(questions.map((q, i) => [q.id, i + 1]));
  const rows = [
    ['#', ...headers[locale]],
    ...questions.map((q, i) => [
      String(i + 1),
      statusNames[locale][q.status],
      q.text,
      q.originalText ?? '',
      q.authorName ?? '',
      q.anonymous ? yes : no,
      String(q.votes),
      q.pinned ? yes : no,
      q.answer ?? '',
      osloCsvTime(q.createdAt, 'medium'),
      osloCsvTime(q.highlightedAt, 'medium'),
      osloCsvTime(q.answeredAt, 'medium'),
      q.mergedInto ? `#${byId.get(q.mergedInto) ?? ''}` : '',
    ]),
  ];
  return excelCsv(rows);
}
