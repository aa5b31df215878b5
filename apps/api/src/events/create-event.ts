import { insertEvent, type Queryable } from '@folkemote/db';
import type { EventEdit, OrganiserEvent } from '@folkemote/domain';
import { loadOrganiserEvent } from './organiser-event-view.ts';

/** A new event of the organisation, as a draft that no one else sees until it is published. */
export async function createEvent(
  db: Queryable,
  organisationId: string,
  edit: EventEdit,
): Promise<OrganiserEvent> {
  const id = await insertEvent(db, organisationId, edit);
  return (await loadOrganiserEvent(db, id))!;
}
