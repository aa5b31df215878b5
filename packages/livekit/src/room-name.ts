/** One LiveKit room per event; the name is stable so a restart finds the same room. */
export function roomNameForEvent(eventId: string): string {
  return `event-${eventId}`;
}
