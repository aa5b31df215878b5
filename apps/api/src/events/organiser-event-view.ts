import {
  countRegistrations,
  type EventWithRegistration,
  findEventWithRegistrationById,
  type Queryable,
} from '@folkemote/db';
import { renderDescription } from '@folkemote/description';
import type { EventEdit, OrganiserEvent } from '@folkemote/domain';

/** The event with every setting, its registration counts and the description as safe HTML; null when gone. */
export async function loadOrganiserEvent(db: Queryable, eventId: string): Promise<OrganiserEvent | null> {
  const event = await findEventWithRegistrationById(db, eventId);
  if (!event) return null;
  const { revision: _revision, confirmed: _confirmed, roomTaken: _roomTaken, ...view } = event;
  return {
    ...view,
    descriptionHtml: renderDescription(event.description),
    counts: await countRegistrations(db, eventId),
  };
}

/** The stored event as the editor's input, so an edit can be merged onto it and checked as a whole. */
export function toEventEdit(event: EventWithRegistration | OrganiserEvent): EventEdit {
  return {
    title: event.title,
    slug: event.slug,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    mode: event.mode,
    address: event.address,
    language: event.language,
    registrationOpensAt: event.registrationOpensAt,
    registrationClosesAt: event.registrationClosesAt,
    capacity: event.capacity,
    roomCapacity: event.roomCapacity,
    waitlistEnabled: event.waitlistEnabled,
    contact: { name: event.contact.name, email: event.contact.email, phone: event.contact.phone },
    recorded: event.recorded,
    broadcast: event.broadcast,
    retentionDays: event.retentionDays,
    customQuestions: event.customQuestions,
  };
}
