import type { ChangeActor } from '@folkemote/db';
import { canModerate, type QuestionViewer } from '@folkemote/domain';
import { type EventActor, registrationIdOf } from '../participants/event-actor.ts';
import { QuestionError } from './question-error.ts';

export function changeActorOf(actor: EventActor): ChangeActor {
  return { kind: actor.kind, id: actor.id, role: actor.role, name: actor.displayName };
}

export function viewerOf(actor: Pick<EventActor, 'kind' | 'id' | 'role'>): QuestionViewer {
  return { role: actor.role, registrationId: registrationIdOf(actor) };
}

/** Asking and voting are for registrants, by their personal link: one person, one vote. */
export function assertAttendee(actor: EventActor): void {
  if (actor.kind !== 'registration')
    throw new QuestionError(
      403,
      'attendees_only',
      'Questions are asked and voted on by registered attendees, from their personal link',
    );
}

/** Hosts, presenters and moderators steer the queue; attendees do not. */
export function assertModerator(actor: EventActor): void {
  if (!canModerate(actor.role))
    throw new QuestionError(403, 'forbidden_for_role', `This is not open to the ${actor.role} role`);
}
