/** Who someone is in an event's live room; see the shared contract in ARCHITECTURE.md. */
export const EVENT_ROLES = ['host', 'presenter', 'moderator', 'attendee'] as const;

export type EventRole = (typeof EVENT_ROLES)[number];
