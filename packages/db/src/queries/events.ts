import type { EventInput, Locale, PublicEvent } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoTimestamp } from './timestamps.ts';

/** The columns and row shape of the public view of an event; other event queries select these too. */
export const eventColumns = `e.id, e.slug, e.title, e.description, e.starts_at, e.ends_at, e.language,
  e.contact_name, e.contact_email, e.contact_phone, o.slug as org_slug, o.name as org_name`;

export interface EventRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  language: Locale;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  org_slug: string;
  org_name: string;
}

export function toPublicEvent(r: EventRow): PublicEvent {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    startsAt: isoTimestamp(r.starts_at),
    endsAt: isoTimestamp(r.ends_at),
    language: r.language,
    organisation: { slug: r.org_slug, name: r.org_name },
    contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
  };
}

/** Creates the event, or updates it when the slug exists (used by demo content and imports). */
export async function upsertEvent(db: Queryable, input: EventInput): Promise<PublicEvent> {
  const { rows } = await db.query<{ id: string }>(
    `insert into events (organisation_id, slug, title, description, starts_at, ends_at, language,
                         contact_name, contact_email, contact_phone)
     select o.id, $2, $3, $4, $5, $6, $7, $8, $9, $10 from organisations o where o.slug = $1
     on conflict (slug) do update set title = excluded.title, description = excluded.description,
       starts_at = excluded.starts_at, ends_at = excluded.ends_at, language = excluded.language,
       contact_name = excluded.contact_name, contact_email = excluded.contact_email,
       contact_phone = excluded.contact_phone, updated_at = now()
     returning id`,
    [
      input.organisationSlug,
      input.slug,
      input.title,
      input.description,
      input.startsAt,
      input.endsAt,
      input.language,
      input.contact.name,
      input.contact.email,
      input.contact.phone ?? null,
    ],
  );
  if (!rows[0]) throw new Error(`No organisation with slug ${input.organisationSlug}`);
  return (await findEventById(db, rows[0].id))!;
}

export async function findEventById(db: Queryable, id: string): Promise<PublicEvent | null> {
  const { rows } = await db.query<EventRow>(
    `select ${eventColumns} from events e join organisations o on o.id = e.organisation_id where e.id = $1`,
    [id],
  );
  return rows[0] ? toPublicEvent(rows[0]) : null;
}

export async function findEventBySlug(db: Queryable, slug: string): Promise<PublicEvent | null> {
  const { rows } = await db.query<EventRow>(
    `select ${eventColumns} from events e join organisations o on o.id = e.organisation_id where e.slug = $1`,
    [slug],
  );
  return rows[0] ? toPublicEvent(rows[0]) : null;
}

export async function listEvents(db: Queryable): Promise<PublicEvent[]> {
  const { rows } = await db.query<EventRow>(
    `select ${eventColumns} from events e join organisations o on o.id = e.organisation_id order by e.starts_at`,
  );
  return rows.map(toPublicEvent);
}
