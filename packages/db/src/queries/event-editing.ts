import type { EventEdit } from '@folkemote/domain';
import type { Queryable } from '../database.ts';

/** Which organisation an event belongs to and where it stands, for the organiser routes' checks. */
export interface EventOwnership {
  id: string;
  organisationId: string;
  status: 'draft' | 'published' | 'cancelled';
}

export class SlugTakenError extends Error {
  constructor(slug: string) {
    super(`The slug "${slug}" is used by another event`);
    this.name = 'SlugTakenError';
  }
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

function editParams(e: EventEdit): unknown[] {
  return [
    e.slug,
    e.title,
    e.description,
    e.startsAt,
    e.endsAt,
    e.language,
    e.contact.name,
    e.contact.email,
    e.contact.phone ?? null,
    e.mode,
    e.mode === 'online' ? null : e.address,
    e.registrationOpensAt,
    e.registrationClosesAt,
    e.capacity,
    e.waitlistEnabled,
    e.recorded,
    e.retentionDays,
    JSON.stringify(e.customQuestions),
    e.mode === 'hybrid' ? e.roomCapacity : null,
    e.broadcast,
  ];
}

/** A new event, always a draft; throws SlugTakenError when the slug is in use. */
export async function insertEvent(db: Queryable, organisationId: string, e: EventEdit): Promise<string> {
  try {
    const { rows } = await db.query<{ id: string }>(
      `insert into events (slug, title, description, starts_at, ends_at, language, contact_name, contact_email,
         contact_phone, mode, address, registration_opens_at, registration_closes_at, capacity, waitlist_enabled,
         recorded, retention_days, custom_questions, room_capacity, broadcast, organisation_id, status)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb, $19, $20, $21, 'draft')
       returning id`,
      [...editParams(e), organisationId],
    );
    return rows[0]!.id;
  } catch (err) {
    if (isUniqueViolation(err)) throw new SlugTakenError(e.slug);
    throw err;
  }
}

/** Writes every editable field of the event; throws SlugTakenError when a new slug is in use. */
export async function replaceEventFields(db: Queryable, id: string, e: EventEdit): Promise<void> {
  try {
    await db.query(
      `update events set slug = $1, title = $2, description = $3, starts_at = $4, ends_at = $5, language = $6,
         contact_name = $7, contact_email = $8, contact_phone = $9, mode = $10, address = $11,
         registration_opens_at = $12, registration_closes_at = $13, capacity = $14, waitlist_enabled = $15,
         recorded = $16, retention_days = $17, custom_questions = $18::jsonb, room_capacity = $19, broadcast = $20,
         updated_at = now()
       where id = $21`,
      [...editParams(e), id],
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new SlugTakenError(e.slug);
    throw err;
  }
}

/** Moves a draft to published; false when the event was not a draft. */
export async function markEventPublished(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `update events set status = 'published', updated_at = now() where id = $1 and status = 'draft' returning id`,
    [id],
  );
  return rows.length > 0;
}

/** Whether the event is a draft, published or cancelled; null when there is no such event. */
export async function findEventStatus(db: Queryable, id: string): Promise<EventOwnership['status'] | null> {
  const { rows } = await db.query<{ status: EventOwnership['status'] }>(
    'select status from events where id = $1',
    [id],
  );
  return rows[0]?.status ?? null;
}

export async function findEventOwnership(db: Queryable, slug: string): Promise<EventOwnership | null> {
  const { rows } = await db.query<{ id: string; organisation_id: string; status: EventOwnership['status'] }>(
    'select id, organisation_id, status from events where slug = $1',
    [slug],
  );
  const r = rows[0];
  return r ? { id: r.id, organisationId: r.organisation_id, status: r.status } : null;
}

/** Every event of the organisation, drafts and cancelled ones too, latest start first. */
export async function listOrganisationEventIds(db: Queryable, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'select id from events where organisation_id = $1 order by starts_at desc, id',
    [organisationId],
  );
  return rows.map((r) => r.id);
}

/** True when no event has the slug. */
export async function isEventSlugFree(db: Queryable, slug: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from events where slug = $1', [slug]);
  return rows.length === 0;
}
