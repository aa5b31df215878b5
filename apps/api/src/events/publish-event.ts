import { findEventWithRegistrationById, markEventPublished, type Queryable } from '@folkemote/db';
import type { OrganiserEvent } from '@folkemote/domain';
import { loadOrganiserEvent } from './organiser-event-view.ts';

export type PublishEventResult =
  | { ok: true; event: OrganiserEvent }
  | { ok: false; reason: 'cancelled' | 'not_found' };

/** Makes a draft public; publishing a published event again changes nothing. */
export async function publishEvent(db: Queryable, eventId: string): Promise<PublishEventResult> {
  const event = await findEventWithRegistrationById(db, eventId);
  if (!event) return { ok: false, reason: 'not_found' };
  if (event.status === 'cancelled') return { ok: false, reason: 'cancelled' };
  if (event.status === 'draft') await markEventPublished(db, eventId);
  return { ok: true, event: (await loadOrganiserEvent(db, eventId))! };
}
