import type { RoomAttendanceLine } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { attendanceCsv } from './attendance-csv.ts';

const line = (over: Partial<RoomAttendanceLine>): RoomAttendanceLine => ({
  registrationId: '1',
  name: 'Åse Ødegård',
  email: 'ase@example.no',
  status: 'confirmed',
  attended: true,
  firstJoinedAt: '2026-11-23T09:05:00.000Z',
  totalMinutes: 42,
  ...over,
});

describe('attendance CSV', () => {
  it('is in the organiser’s language, with Oslo times, as Norwegian Excel opens it', () => {
    const lines = [line({}), line({ name: 'Per', attended: false, firstJoinedAt: null, totalMinutes: 0 })];
    expect(attendanceCsv(lines, 'nb')).toBe(
      '\uFEFF"Navn";"E-post";"Deltok";"Først med";"Minutter i alt"\r\n' +
        '"Åse Ødegård";"ase@example.no";"Ja";"2026-11-23 10:05";"42"\r\n' +
        '"Per";"ase@example.no";"Nei";"";"0"\r\n',
    );
    expect(attendanceCsv(lines, 'nn').split('\r\n')[0]).toBe(
      '\uFEFF"Namn";"E-post";"Deltok";"Først med";"Minutt i alt"',
    );
    expect(attendanceCsv(lines, 'en').split('\r\n')[2]).toBe('"Per";"ase@example.no";"No";"";"0"');
  });

  it('keeps a name that looks like a formula as text', () => {
    const csv = attendanceCsv([line({ name: '=HYPERLINK("x")' })], 'en');
    expect(csv.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)";/);
  });
});
