import type { EventRole } from '@folkemote/domain';

/** Someone acting in one event's live room or Q&A, whoever let them in. */
export interface EventActor {
  /** A registrant's personal link, an invited host/presenter/moderator link, or an organiser of the event's organisation. */
  kind: 'registration' | 'staff' | 'organiser';
  /** The registration id, the staff link id, or the organiser account or API token id. */
  id: string;
  eventId: string;
  role: EventRole;
  displayName: string;
  /** The participant identity in LiveKit: stable per person and event, free of personal data. */
  identity: string;
}

export type ActorResult =
  | { ok: true; actor: EventActor }
  | { ok: false; status: 401 | 403; code: string; message: string };

/** The registration behind the actor, if any: their personal data in the event goes with it. */
export function registrationIdOf(actor: Pick<EventActor, 'kind' | 'id'>): string | null {
  return actor.kind === 'registration' ? actor.id : null;
}

export function identityFor(kind: EventActor['kind'], id: string): string {
  const prefix = kind === 'registration' ? 'reg' : kind === 'staff' ? 'staff' : 'org';
  return `${prefix}_${id}`;
}
