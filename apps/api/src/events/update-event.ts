import { findEventWithRegistrationById, type Queryable, replaceEventFields } from '@folkemote/db';
import { type EventPatch, eventEditSchema, type OrganiserEvent } from '@folkemote/domain';
import type { z } from 'zod';
import { isBroadcastLive } from './event-broadcast.ts';
import type { EventNotifier } from './event-notifier.ts';
import { loadOrganiserEvent, toEventEdit } from './organiser-event-view.ts';

export type UpdateEventResult =
  | { ok: true; event: OrganiserEvent; registrantsTold: boolean }
  | { ok: false; reason: 'invalid'; error: z.ZodError }
  | { ok: false; reason: 'cancelled' | 'not_found' | 'broadcast_live' };

// Registrants hear about changes to these; a reworded description is not worth an e-mail.
const announced = ['title', 'startsAt', 'endsAt', 'mode', 'address', 'language'] as const;

/**
 * Applies an organiser's edit: merged onto the stored event and checked as a
 * whole (an end before the start, a missing address), then saved. When a
 * published event's time, place or title changes, its registrants are told. A broadcast on the
 * public site now cannot be switched off (the host ends it in the room).
 */
export async function updateEvent(
  deps: { db: Queryable; notifier: EventNotifier },
  eventId: string,
  patch: EventPatch,
): Promise<UpdateEventResult> {
  const current = await findEventWithRegistrationById(deps.db, eventId);
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.status === 'cancelled') return { ok: false, reason: 'cancelled' };
  const before = toEventEdit(current);
  const merged = eventEditSchema.safeParse({
    ...before,
    ...patch,
    contact: { ...before.contact, ...patch.contact },
  });
  if (!merged.success) return { ok: false, reason: 'invalid', error: merged.error };
  if (before.broadcast && !merged.data.broadcast && (await isBroadcastLive(deps.db, eventId)))
    return { ok: false, reason: 'broadcast_live' };
  await replaceEventFields(deps.db, eventId, merged.data);
  const changed = announced.some((key) => before[key] !== merged.data[key]);
  const registrantsTold = current.status === 'published' && changed;
  if (registrantsTold) await deps.notifier.changed(eventId);
  return { ok: true, event: (await loadOrganiserEvent(deps.db, eventId))!, registrantsTold };
}
