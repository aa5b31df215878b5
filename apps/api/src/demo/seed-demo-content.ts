import path from 'node:path';
import {
  ensureBroadcast,
  findEventBySlug,
  findEventOwnership,
  setEventAutoPublish,
  updateEventRegistrationSettings,
  upsertEvent,
  upsertOrganisation,
} from '@folkemote/db';
import { importRecording } from '@folkemote/pipeline';
import type { ApiDeps } from '../api-deps.ts';
import { demoBroadcastSlug, demoEvents, demoOrganisations, demoRegistrationSettings } from './demo-events.ts';
import { makeDemoClip } from './make-demo-clip.ts';

/**
 * On first start: the example events (one of them broadcast on the public site), and one demo recording that goes through
 * the real pipeline so the public archive is not empty. Runs once: a second
 * start finds the recording and adds nothing.
 */
export async function seedDemoContent(deps: ApiDeps, clipDir = path.resolve('.data/demo')): Promise<void> {
  for (const org of demoOrganisations) await upsertOrganisation(deps.db, org);
  const events = demoEvents();
  for (const event of events) {
    const existed = (await findEventBySlug(deps.db, event.slug)) !== null;
    const saved = await upsertEvent(deps.db, event);
    // Only on first creation: an organiser's later changes to the examples stay.
    if (!existed) {
      await updateEventRegistrationSettings(deps.db, saved.id, demoRegistrationSettings(event));
      // The examples show published replays: their recordings go public without a review.
      await setEventAutoPublish(deps.db, saved.id, true);
      if (event.slug === demoBroadcastSlug) {
        // Its live page (a countdown until it starts) is written by the worker.
        await ensureBroadcast(deps.db, saved.id);
        await deps.queues.enqueue('broadcast.refresh', { eventId: saved.id });
      }
    }
  }
  const { rows } = await deps.db.query<{ n: number }>('select count(*)::int as n from recordings');
  if ((rows[0]?.n ?? 0) > 0) return;
  const clip = await makeDemoClip(path.join(clipDir, 'robust-oppvekst.mp4'));
  const event = (await findEventOwnership(deps.db, events[1]!.slug))!;
  await importRecording(deps, {
    file: clip,
    title: 'Robust oppvekst? Erfaringer fra Sømna kommune',
    organisationId: event.organisationId,
    eventSlug: events[1]!.slug,
    publication: 'public',
  });
  deps.log.info('demo content added');
}
