import { randomBytes } from 'node:crypto';
import {
  type Database,
  updateEventRegistrationSettings,
  upsertEvent,
  upsertOrganisation,
} from '@folkemote/db';
import type { EventRegistrationSettings, Locale } from '@folkemote/domain';

/** A published event of the test organisation, with the registration settings a test asks for. */
export async function createTestEvent(
  db: Database,
  settings: Partial<Omit<EventRegistrationSettings, 'cancelledAt'>> = {},
  options: { startsInHours?: number; language?: Locale; organisationSlug?: string } = {},
): Promise<{ id: string; slug: string }> {
  const organisationSlug = options.organisationSlug ?? 'testkommune';
  await upsertOrganisation(db, { slug: organisationSlug, name: 'Testkommune' });
  const startsAt = new Date(Date.now() + (options.startsInHours ?? 72) * 3600_000);
  startsAt.setUTCSeconds(0, 0);
  const event = await upsertEvent(db, {
    slug: `webinar-${randomBytes(4).toString('hex')}`,
    title: 'Folkehelse i Nordland: «Trygt, godt & nært»',
    description: 'Om folkehelse, med spørsmål til slutt; velkommen, alle sammen.',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
    organisationSlug,
    language: options.language ?? 'nb',
    contact: { name: 'Rådgiver folkehelse', email: 'folkehelse@example.no', phone: '+47 75 00 00 00' },
  });
  await updateEventRegistrationSettings(db, event.id, { status: 'published', ...settings });
  return { id: event.id, slug: event.slug };
}

export function registrationBody(n: number | string, extra: Record<string, unknown> = {}) {
  return { name: `Deltaker ${n}`, email: `deltaker-${n}@example.no`, consent: true, ...extra };
}

export function postRegistration(baseUrl: string, slug: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/events/${slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
