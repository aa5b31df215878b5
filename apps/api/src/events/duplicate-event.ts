import {
  type EventOwnership,
  findEventWithRegistrationById,
  insertEvent,
  isEventSlugFree,
  type Queryable,
} from '@folkemote/db';
import type { OrganiserEvent } from '@folkemote/domain';
import { loadOrganiserEvent, toEventEdit } from './organiser-event-view.ts';

/** `<slug>-kopi`, then `-kopi-2`, `-kopi-3` …, kept within the 80 characters a slug may have. */
export async function findCopySlug(db: Queryable, slug: string): Promise<string> {
  const base = `${slug
    .replace(/-kopi(-\d+)?$/, '')
    .slice(0, 68)
    .replace(/-+$/, '')}-kopi`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (await isEventSlugFree(db, candidate)) return candidate;
  }
}

/** A new draft with every setting of the event (registrations are not copied), for a webinar held again. */
export async function duplicateEvent(db: Queryable, source: EventOwnership): Promise<OrganiserEvent | null> {
  const event = await findEventWithRegistrationById(db, source.id);
  if (!event) return null;
  const slug = await findCopySlug(db, event.slug);
  const id = await insertEvent(db, source.organisationId, { ...toEventEdit(event), slug });
  return loadOrganiserEvent(db, id);
}
