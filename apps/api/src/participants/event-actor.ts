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

const prefixes: Record<EventActor['kind'], string> = {
  registration: 'reg',
  staff: 'staff',
  organiser: 'org',
};

/**
 * The identity is bound to the right behind it (the registration, the staff link, the organiser
 * account or API token): a new link is a new identity, and a withdrawn right names whom to remove.
 */
export function identityFor(kind: EventActor['kind'], id: string): string {
  return `${prefixes[kind]}_${id}`;
}

/** Whose right an identity stands on; null for one we never issue (the egress recorder's). */
export function holderOfIdentity(identity: string): { kind: EventActor['kind']; id: string } | null {
  for (const [kind, prefix] of Object.entries(prefixes) as [EventActor['kind'], string][]) {
    if (identity.startsWith(`${prefix}_`) && identity.length > prefix.length + 1)
      return { kind, id: identity.slice(prefix.length + 1) };
  }
  return null;
}
