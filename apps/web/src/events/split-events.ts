import type { PublicEvent } from '@folkemote/domain';

/**
 * Upcoming events (not yet ended, soonest first) and past ones (latest first).
 * An event still running counts as upcoming: people may still join it.
 */
export function splitEvents<E extends Pick<PublicEvent, 'startsAt' | 'endsAt'>>(
  events: readonly E[],
  now: Date,
): { upcoming: E[]; past: E[] } {
  const at = now.getTime();
  const upcoming = events.filter((e) => Date.parse(e.endsAt) > at);
  const past = events.filter((e) => Date.parse(e.endsAt) <= at);
  upcoming.sort((x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt));
  past.sort((x, y) => Date.parse(y.startsAt) - Date.parse(x.startsAt));
  return { upcoming, past };
}
