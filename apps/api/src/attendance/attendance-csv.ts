import type { Locale, RoomAttendanceLine } from '@folkemote/domain';
import { excelCsv, osloCsvTime } from '../excel-csv.ts';

const headers: Record<Locale, string[]> = {
  nb: ['Navn', 'E-post', 'Deltok', 'Først med', 'Minutter i alt'],
  nn: ['Namn', 'E-post', 'Deltok', 'Først med', 'Minutt i alt'],
  en: ['Name', 'E-mail', 'Attended', 'First joined', 'Total minutes'],
};

const yesNo: Record<Locale, { yes: string; no: string }> = {
  nb: { yes: 'Ja', no: 'Nei' },
  nn: { yes: 'Ja', no: 'Nei' },
  en: { yes: 'Yes', no: 'No' },
};

/** The attendance list as Norwegian Excel opens it (`excelCsv`), in the organiser's language. */
export function attendanceCsv(lines: readonly RoomAttendanceLine[], locale: Locale): string {
  return excelCsv([
    headers[locale],
    ...lines.map((l) => [
      l.name,
      l.email,
      l.attended ? yesNo[locale].yes : yesNo[locale].no,
      osloCsvTime(l.firstJoinedAt),
      String(l.totalMinutes),
    ]),
  ]);
}
