import type { RegistrationRow } from '@folkemote/contract';
import { describe, expect, it } from 'vitest';
import { seatedByName } from './check-in-page.tsx';

const person = (name: string, status: RegistrationRow['status']) =>
  ({ id: name, name, status, checkedInAt: null }) as RegistrationRow;

describe('the check-in list', () => {
  it('lists those with a seat, in Norwegian alphabetical order', () => {
    const list = seatedByName(
      [
        person('Åse', 'confirmed'),
        person('Ørjan', 'confirmed'),
        person('Anne', 'waitlisted'),
        person('Zara', 'confirmed'),
        person('Bjørn', 'cancelled'),
        person('Ærle', 'confirmed'),
      ],
      'nb',
    );
    expect(list.map((p) => p.name)).toEqual(['Zara', 'Ærle', 'Ørjan', 'Åse']);
  });
});
