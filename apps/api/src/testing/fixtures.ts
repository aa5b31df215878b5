import { randomBytes } from 'node:crypto';
import {
  type Database,
  setEventAutoPublish,
  updateEventRegistrationSettings,
  upsertEvent,
  upsertOrganisation,
} from '@folkemote/db';
import type { EventRegistrationSettings, Locale, StaffRole } from '@folkemote/domain';
import { createStaffLink } from '../participants/create-staff-link.ts';
import type { RunningApi } from '../start-api.ts';

/**
 * A published event of the test organisation, with the registration settings a test asks for.
 * Its Q&A takes questions at once and from registration on (what most tests exercise), unless
 * `newEventQa` keeps a new event's defaults (pre-moderated, questions once the room is live).
 */
export async function createTestEvent(
  db: Database,
  settings: Partial<Omit<EventRegistrationSettings, 'cancelledAt'>> = {},
  options: {
    startsInHours?: number;
    durationMinutes?: number;
    title?: string;
    description?: string;
    language?: Locale;
    organisationSlug?: string;
    organisationName?: string;
    contact?: { name: string; email: string; phone: string | null };
    newEventQa?: boolean;
    /** Hold its recordings for review (a new event's default); test events publish them automatically. */
    holdRecordings?: boolean;
  } = {},
): Promise<{ id: string; slug: string }> {
  const organisationSlug = options.organisationSlug ?? 'testkommune';
  await upsertOrganisation(db, { slug: organisationSlug, name: options.organisationName ?? 'Testkommune' });
  const startsAt = new Date(Date.now() + (options.startsInHours ?? 72) * 3600_000);
  startsAt.setUTCSeconds(0, 0);
  const event = await upsertEvent(db, {
    slug: `webinar-${randomBytes(4).toString('hex')}`,
    title: options.title ?? 'Folkehelse i Nordland: «Trygt, godt & nært»',
    description: options.description ?? 'Om folkehelse, med spørsmål til slutt; velkommen, alle sammen.',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + (options.durationMinutes ?? 90) * 60_000).toISOString(),
    organisationSlug,
    language: options.language ?? 'nb',
    contact: options.contact ?? {
      name: 'Rådgiver folkehelse',
      email: 'folkehelse@example.no',
      phone: '+47 75 00 00 00',
    },
  });
  await updateEventRegistrationSettings(db, event.id, { status: 'published', ...settings });
  await setEventAutoPublish(db, event.id, !options.holdRecordings);
  if (!options.newEventQa)
    await db.query(
      `insert into event_qa (event_id, pre_moderation, questions_before_start) values ($1, false, true)
       on conflict (event_id) do update set pre_moderation = false, questions_before_start = true`,
      [event.id],
    );
  return { id: event.id, slug: event.slug };
}

/** Registers over HTTP as a person would; the personal-link token is taken from the join URL. */
export async function registerForTest(
  baseUrl: string,
  slug: string,
  person: { name: string; email: string } = {
    name: 'Kari Nordmann',
    email: `kari-${randomBytes(4).toString('hex')}@example.no`,
  },
): Promise<{ id: string; status: string; joinToken: string }> {
  const response = await fetch(`${baseUrl}/api/events/${slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...person, consent: true }),
  });
  if (response.status !== 201)
    throw new Error(`Registration answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { id: string; status: string; joinUrl: string | null };
  // Only a registration the request created comes with its link; one taken back has it by e-mail only.
  if (!body.joinUrl) throw new Error('The address was registered before: its link went by e-mail only');
  return { id: body.id, status: body.status, joinToken: body.joinUrl.split('/p/')[1]! };
}

/** A host, presenter or moderator link for the event, made straight through the domain function. */
export async function createTestStaffLink(
  system: Pick<RunningApi, 'deps'>,
  event: { id: string; slug: string },
  role: StaffRole,
  displayName = role === 'moderator' ? 'Mona Moderator' : 'Per Presentatør',
): Promise<{ id: string; token: string; joinUrl: string }> {
  const { staff, token, joinUrl } = await createStaffLink(system.deps, event, { role, displayName });
  return { id: staff.id, token, joinUrl };
}

/** Approves a recording's draft caption track over HTTP, as an organiser's "approve" does. */
export function approveCaptionsForTest(
  baseUrl: string,
  recordingId: string,
  language: string,
  headers: Record<string, string>,
  init: { signal?: AbortSignal } = {},
): Promise<Response> {
  return fetch(`${baseUrl}/api/recordings/${recordingId}/captions/${language}/approve`, {
    method: 'POST',
    headers,
    ...init,
  });
}
