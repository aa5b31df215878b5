/** How far from the scheduled start going live passes without a question. */
export const GO_LIVE_WITHOUT_ASKING_MS = 60 * 60_000;

/**
 * Whether going live now would be far from the event's scheduled start (more than an hour before
 * or after): likely a slip (the wrong event, a rehearsal), so the host is asked first.
 */
export function isFarFromStart(startsAt: string | null, now: number): boolean {
  if (!startsAt) return false;
  const start = Date.parse(startsAt);
  return Number.isFinite(start) && Math.abs(now - start) > GO_LIVE_WITHOUT_ASKING_MS;
}
