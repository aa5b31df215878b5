export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** The time left, split for the ticking clock; zero once the time has come. */
export function countdownParts(msLeft: number): CountdownParts {
  const total = Math.max(0, Math.floor(msLeft / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/**
 * The time left as a screen reader hears it: in whole minutes, rounded up, so the text (and
 * so the polite announcement) changes at most once a minute; more than a day away, in whole
 * hours, so it changes at most once an hour. Null once the time has come.
 */
export function announcedTimeLeft(msLeft: number): Omit<CountdownParts, 'seconds'> | null {
  if (msLeft <= 0) return null;
  const minutesLeft = Math.ceil(msLeft / 60_000);
  if (minutesLeft > 24 * 60) {
    const hoursLeft = Math.ceil(minutesLeft / 60);
    return { days: Math.floor(hoursLeft / 24), hours: hoursLeft % 24, minutes: 0 };
  }
  return { days: 0, hours: Math.floor(minutesLeft / 60), minutes: minutesLeft % 60 };
}

/** Two digits, for the clock. */
export const twoDigits = (n: number) => String(n).padStart(2, '0');
