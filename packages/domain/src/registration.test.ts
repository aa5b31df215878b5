import { describe, expect, it } from 'vitest';
import { normaliseEmail, registrationInputSchema, registrationStateAt } from './registration.ts';

const event = {
  status: 'published' as const,
  registrationOpensAt: '2027-01-01T08:00:00.000Z',
  registrationClosesAt: '2027-01-10T08:00:00.000Z',
  capacity: 2,
  waitlistEnabled: true,
  endsAt: '2027-01-20T12:00:00.000Z',
};

describe('registration rules', () => {
  it('say whether the form is open, full, waiting, not yet open or closed', () => {
    expect(registrationStateAt(event, 0, new Date('2026-12-31T00:00:00Z'))).toBe('not_yet_open');
    expect(registrationStateAt(event, 1, new Date('2027-01-05T00:00:00Z'))).toBe('open');
    expect(registrationStateAt(event, 2, new Date('2027-01-05T00:00:00Z'))).toBe('waitlist');
    expect(
      registrationStateAt({ ...event, waitlistEnabled: false }, 2, new Date('2027-01-05T00:00:00Z')),
    ).toBe('full');
    expect(registrationStateAt(event, 0, new Date('2027-01-10T08:00:00Z'))).toBe('closed');
    expect(registrationStateAt({ ...event, status: 'cancelled' }, 0, new Date('2027-01-05T00:00:00Z'))).toBe(
      'cancelled',
    );
    // Without a deadline, one can register until the event is over.
    const noDeadline = { ...event, registrationClosesAt: null, capacity: null };
    expect(registrationStateAt(noDeadline, 500, new Date('2027-01-20T11:59:00Z'))).toBe('open');
  });

  it('treat addresses alike whatever their case and spacing', () => {
    expect(normaliseEmail('  Ase.Ovrebo@Example.NO ')).toBe('ase.ovrebo@example.no');
  });

  it('name each bad field and refuse control characters and missing consent', () => {
    const result = registrationInputSchema.safeParse({
      name: 'Åse\u0000',
      email: 'x',
      organisation: 'o'.repeat(201),
      consent: false,
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['consent', 'email', 'name', 'organisation']);
    expect(
      registrationInputSchema.parse({ name: ' Åse ', email: ' ase@example.no ', consent: true }),
    ).toMatchObject({ name: 'Åse', email: 'ase@example.no' });
  });
});
