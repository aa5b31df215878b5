import { describe, expect, it } from 'vitest';
import { splitEvents } from './split-events.ts';

describe('splitEvents', () => {
  const event = (id: string, startsAt: string, endsAt: string) => ({ id, startsAt, endsAt });
  const now = new Date('2025-06-01T12:00:00Z');

  it('puts events not yet ended first, soonest first, and past ones latest first', () => {
    const { upcoming, past } = splitEvents(
      [
        event('later', '2025-06-10T08:00:00Z', '2025-06-10T09:00:00Z'),
        event('old', '2025-01-10T08:00:00Z', '2025-01-10T09:00:00Z'),
        event('running', '2025-06-01T11:30:00Z', '2025-06-01T13:00:00Z'),
        event('recent', '2025-05-20T08:00:00Z', '2025-05-20T09:00:00Z'),
      ],
      now,
    );
    expect(upcoming.map((e) => e.id)).toEqual(['running', 'later']);
    expect(past.map((e) => e.id)).toEqual(['recent', 'old']);
  });

  it('treats an event that ended at this very moment as past', () => {
    const { upcoming, past } = splitEvents(
      [event('just', '2025-06-01T11:00:00Z', '2025-06-01T12:00:00Z')],
      now,
    );
    expect(upcoming).toEqual([]);
    expect(past).toHaveLength(1);
  });
});
