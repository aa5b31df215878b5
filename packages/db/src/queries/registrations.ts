import type { RegistrationCounts, RegistrationStatus, RegistrationView } from '@folkemote/domain';
import type { Queryable } from '../database.ts';

export interface RegistrationRow {
  id: string;
  eventId: string;
  eventSlug: string;
  status: RegistrationStatus;
  name: string;
  email: string;
  organisation: string | null;
  accessibilityNeeds: string | null;
  answers: Record<string, string>;
  consentAt: string;
  createdAt: string;
  cancelledAt: string | null;
}

interface Row {
  id: string;
  event_id: string;
  event_slug: string;
  status: RegistrationStatus;
  name: string;
  email: string;
  organisation: string | null;
  accessibility_needs: string | null;
  answers: Record<string, string> | null;
  consent_at: Date;
  created_at: Date;
  cancelled_at: Date | null;
}

const columns = `r.id, r.event_id, e.slug as event_slug, r.status, r.name, r.email, r.organisation,
  r.accessibility_needs, r.answers, r.consent_at, r.created_at, r.cancelled_at`;
const from = 'from registrations r join events e on e.id = r.event_id';

function toRow(r: Row): RegistrationRow {
  return {
    id: r.id,
    eventId: r.event_id,
    eventSlug: r.event_slug,
    status: r.status,
    name: r.name,
    email: r.email,
    organisation: r.organisation,
    accessibilityNeeds: r.accessibility_needs,
    answers: r.answers ?? {},
    consentAt: new Date(r.consent_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
    cancelledAt: r.cancelled_at ? new Date(r.cancelled_at).toISOString() : null,
  };
}

export function toRegistrationView(r: RegistrationRow): RegistrationView {
  const { eventId: _eventId, ...view } = r;
  return view;
}

export async function findRegistrationById(db: Queryable, id: string): Promise<RegistrationRow | null> {
  const { rows } = await db.query<Row>(`select ${columns} ${from} where r.id = $1`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

export async function findRegistrationByTokenHash(
  db: Queryable,
  hash: string,
): Promise<RegistrationRow | null> {
  const { rows } = await db.query<Row>(`select ${columns} ${from} where r.join_token_hash = $1`, [hash]);
  return rows[0] ? toRow(rows[0]) : null;
}

export async function findRegistrationByEmail(
  db: Queryable,
  eventId: string,
  emailNormalised: string,
): Promise<RegistrationRow | null> {
  const { rows } = await db.query<Row>(
    `select ${columns} ${from} where r.event_id = $1 and r.email_normalised = $2`,
    [eventId, emailNormalised],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

export interface NewRegistration {
  id: string;
  eventId: string;
  status: RegistrationStatus;
  name: string;
  email: string;
  emailNormalised: string;
  organisation: string | null;
  accessibilityNeeds: string | null;
  answers: Record<string, string>;
  consentAt: Date;
  joinTokenHash: string;
}

export async function insertRegistration(db: Queryable, r: NewRegistration): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into registrations (id, event_id, status, name, email, email_normalised, organisation,
       accessibility_needs, answers, consent_at, join_token_hash)
     values ($11, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      r.eventId,
      r.status,
      r.name,
      r.email,
      r.emailNormalised,
      r.organisation,
      r.accessibilityNeeds,
      JSON.stringify(r.answers),
      r.consentAt,
      r.joinTokenHash,
      r.id,
    ],
  );
  return rows[0]!.id;
}

/** A cancelled registrant registering again: the same row comes back, queued at the end if it waits. */
export async function reactivateRegistration(
  db: Queryable,
  id: string,
  status: 'confirmed' | 'waitlisted',
): Promise<void> {
  await db.query(
    `update registrations set status = $2, cancelled_at = null,
       queue_position = nextval('registration_queue_seq'), updated_at = now() where id = $1`,
    [id, status],
  );
}

export async function setRegistrationStatus(
  db: Queryable,
  id: string,
  status: RegistrationStatus,
  now = new Date(),
): Promise<void> {
  await db.query(
    `update registrations set status = $2::text, updated_at = $3::timestamptz,
       cancelled_at = case when $2::text = 'cancelled' then $3::timestamptz else null end where id = $1`,
    [id, status, now],
  );
}

/** The first on the waiting list, locked so two cancellations do not promote the same person. */
export async function findFirstWaitlisted(tx: Queryable, eventId: string): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from registrations where event_id = $1 and status = 'waitlisted'
     order by queue_position limit 1 for update`,
    [eventId],
  );
  return rows[0]?.id ?? null;
}

export async function listRegistrations(db: Queryable, eventId: string): Promise<RegistrationRow[]> {
  const { rows } = await db.query<Row>(
    `select ${columns} ${from} where r.event_id = $1
     order by case r.status when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end, r.queue_position`,
    [eventId],
  );
  return rows.map(toRow);
}

/** Ids of the registrations that still hold a seat or a place in the queue. */
export async function listActiveRegistrationIds(
  db: Queryable,
  eventId: string,
  statuses: RegistrationStatus[] = ['confirmed', 'waitlisted'],
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'select id from registrations where event_id = $1 and status = any($2::text[]) order by queue_position',
    [eventId, statuses],
  );
  return rows.map((r) => r.id);
}

/** Live rows plus the tallies of rows already deleted. */
export async function countRegistrations(db: Queryable, eventId: string): Promise<RegistrationCounts> {
  const { rows } = await db.query<{ status: RegistrationStatus; n: number }>(
    'select status, count(*)::int as n from registrations where event_id = $1 group by status',
    [eventId],
  );
  const { rows: tallies } = await db.query<RegistrationCounts>(
    'select confirmed, waitlisted, cancelled from registration_tallies where event_id = $1',
    [eventId],
  );
  const counts: RegistrationCounts = { confirmed: 0, waitlisted: 0, cancelled: 0 };
  for (const r of rows) counts[r.status] += r.n;
  const t = tallies[0];
  if (t) {
    counts.confirmed += t.confirmed;
    counts.waitlisted += t.waitlisted;
    counts.cancelled += t.cancelled;
  }
  return counts;
}

/** Adds the rows' statuses to the tallies, then deletes the rows (their e-mails in the outbox go with them). */
export async function deleteRegistrationsKeepingCounts(
  tx: Queryable,
  eventId: string,
  ids: string[] | 'all',
): Promise<number> {
  const filter = ids === 'all' ? '' : 'and id = any($2::uuid[])';
  const params = ids === 'all' ? [eventId] : [eventId, ids];
  const { rows } = await tx.query<{ status: RegistrationStatus; n: number }>(
    `select status, count(*)::int as n from registrations where event_id = $1 ${filter} group by status`,
    params,
  );
  const add = { confirmed: 0, waitlisted: 0, cancelled: 0 };
  for (const r of rows) add[r.status] += r.n;
  await tx.query(
    `insert into registration_tallies (event_id, confirmed, waitlisted, cancelled) values ($1, $2, $3, $4)
     on conflict (event_id) do update set confirmed = registration_tallies.confirmed + excluded.confirmed,
       waitlisted = registration_tallies.waitlisted + excluded.waitlisted,
       cancelled = registration_tallies.cancelled + excluded.cancelled, updated_at = now()`,
    [eventId, add.confirmed, add.waitlisted, add.cancelled],
  );
  await tx.query(
    `delete from outbound_emails where event_id = $1 and registration_id is not null ${filter.replace('id', 'registration_id')}`,
    params,
  );
  const deleted = await tx.query<{ id: string }>(
    `delete from registrations where event_id = $1 ${filter} returning id`,
    params,
  );
  return deleted.rows.length;
}

/**
 * The whole seat decision in one statement. The conditional UPDATE takes a seat
 * only while `confirmed_count < capacity`; concurrent statements queue on the
 * event row and PostgreSQL re-checks the condition against the newest row
 * version, so seats can never be handed out twice. The event lock lasts for
 * this statement only, never across a network round trip.
 *
 * Returns the new registration's status, or null when nothing was inserted (the
 * address is already registered, the event is full without a waiting list, or
 * it is no longer published); `seated` says whether a seat was taken anyway and
 * must be given back.
 */
export async function insertRegistrationTakingSeat(
  db: Queryable,
  r: Omit<NewRegistration, 'status'>,
): Promise<{ status: 'confirmed' | 'waitlisted' | null; seated: boolean }> {
  const { rows } = await db.query<{ status: 'confirmed' | 'waitlisted' | null; seated: number }>(
    `with seat as (
       update events set confirmed_count = confirmed_count + 1
       where id = $1 and status = 'published' and (capacity is null or confirmed_count < capacity)
         and not exists (select 1 from registrations where event_id = $1 and email_normalised = $5)
       returning id
     ), ev as (
       select status, waitlist_enabled from events where id = $1
     ), ins as (
       insert into registrations (id, event_id, status, name, email, email_normalised, organisation,
         accessibility_needs, answers, consent_at, join_token_hash)
       select $2, $1, case when exists (select 1 from seat) then 'confirmed' else 'waitlisted' end,
         $3, $4, $5, $6, $7, $8, $9, $10
       from ev where ev.status = 'published' and (exists (select 1 from seat) or ev.waitlist_enabled)
       on conflict (event_id, email_normalised) do nothing
       returning status
     )
     select (select status from ins) as status, (select count(*)::int from seat) as seated`,
    [
      r.eventId,
      r.id,
      r.name,
      r.email,
      r.emailNormalised,
      r.organisation,
      r.accessibilityNeeds,
      JSON.stringify(r.answers),
      r.consentAt,
      r.joinTokenHash,
    ],
  );
  return { status: rows[0]?.status ?? null, seated: (rows[0]?.seated ?? 0) > 0 };
}
