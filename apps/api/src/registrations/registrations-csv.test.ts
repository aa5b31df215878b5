import { describe, expect, it } from 'vitest';
import { csvCell } from '../excel-csv.ts';
import { registrationsCsv } from './registrations-csv.ts';

describe('registrations CSV', () => {
  it('neutralises cells a spreadsheet would read as formulas', () => {
    for (const v of ['=1+1', '+47', '-2', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(v)).toBe(`"'${v}"`);
    expect(csvCell('Åse "Ø"')).toBe('"Åse ""Ø"""');
  });

  it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
    const csv = registrationsCsv(
      [
        {
          id: '1',
          eventSlug: 'e',
          status: 'confirmed',
          name: 'Åse',
          email: 'a@example.no',
          organisation: null,
          accessibilityNeeds: null,
          answers: { kommune: 'Sømna' },
          attendance: null,
          consentAt: '2026-11-23T10:00:00.000Z',
          createdAt: '2026-11-23T10:00:00.000Z',
          cancelledAt: null,
          checkedInAt: null,
        },
      ],
      [{ id: 'kommune', label: 'Kommune', required: false }],
      'en',
    );
    expect(csv.startsWith('\uFEFF"Status";"Name";"E-mail"')).toBe(true);
    expect(csv).toContain('\r\n"Confirmed";"Åse";"a@example.no";"";"";"2026-11-23 11:00";"";"Sømna"\r\n');
  });
});
