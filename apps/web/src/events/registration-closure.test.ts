import { describe, expect, it } from 'vitest';
import { registrationClosure } from './registration-closure.ts';

const base = {
  hasEnded: false,
  replayUrl: null,
  recorded: false,
  registrationState: 'open' as const,
  registrationClosesAt: null,
  status: 'published' as const,
};
const now = new Date('2026-12-07T12:00:00Z');

describe('registrationClosure', () => {
  it('says a past event has taken place, with its replay when there is one', () => {
    expect(registrationClosure({ ...base, hasEnded: true, registrationState: 'closed' }, now)).toEqual({
      kind: 'over',
      replayUrl: null,
      replayExpected: false,
    });
    expect(
      registrationClosure(
        {
          ...base,
          hasEnded: true,
          recorded: true,
          replayUrl: 'https://opptak.example.no/replays/r/index.html',
        },
        now,
      ),
    ).toEqual({
      kind: 'over',
      replayUrl: 'https://opptak.example.no/replays/r/index.html',
      replayExpected: false,
    });
    expect(registrationClosure({ ...base, hasEnded: true, recorded: true }, now)).toMatchObject({
      replayExpected: true,
    });
  });

  it('names a passed deadline before the event', () => {
    expect(
      registrationClosure(
        { ...base, registrationState: 'closed', registrationClosesAt: '2026-12-06T12:00:00Z' },
        now,
      ),
    ).toEqual({ kind: 'deadline_passed', closedAt: '2026-12-06T12:00:00Z' });
  });

  it('keeps full, waiting list and cancelled as they are', () => {
    expect(registrationClosure({ ...base, registrationState: 'full' }, now)).toEqual({
      kind: 'state',
      state: 'full',
    });
    expect(registrationClosure({ ...base, status: 'cancelled', hasEnded: true }, now)).toEqual({
      kind: 'state',
      state: 'cancelled',
    });
  });
});
