import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` while `active`, for clocks and countdowns.
 *
 * @example
 * const now = useNow(true);
 * const left = Date.parse(event.startsAt) - now;
 */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
