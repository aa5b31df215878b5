import type {
  Attendance,
  AttendanceCounts,
  RegistrationCounts,
  RegistrationStatus,
  RegistrationView,
} from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { findAttendanceTally } from './attendance-tallies.ts';
import type { RegistrationOutboxEntry } from './registration-outbox.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

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
  attendance: Attendance | null;
  consentAt: string;
  createdAt: string;
  cancelledAt: string | null;
  checkedInAt: string | null;
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
  attendance: Attendance | null;
  consent_at: Date;
  created_at: Date;
  cancelled_at: Date | null;
  checked_in_at: Date | null;
}

const columns = `r.id, r.event_id, e.slug as event_slug, r.status, r.name, r.email, r.organisation,
  r.accessibility_needs, r.answers, r.attendance, r.consent_at, r.created_at, r.cancelled_at, r.checked_in_at`;
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
    attendance: r.attendance,
    consentAt: isoTimestamp(r.consent_at),
    createdAt: isoTimestamp(r.created_at),
    cancelledAt: isoOrNull(r.cancelled_at),
    checkedInAt: isoOrNull(r.checked_in_at),
  };
}

/**
 * Ticks a confirmed registrant off at the door, or takes the tick back. Only confirmed registrations
 * of the event can be ticked; null when there is none such.
 */
export async function setRegistrationCheckIn(
  db: Queryable,
  eventId: string,
  id: string,
  checkedIn: boolean,
): Promise<RegistrationRow | null> {
  const { rows } = await db.query<{ id: string }>(
    `update registrations set checked_in_at = case when $3::boolean then coalesce(checked_in_at, now()) end
     where id = $1 and event_id = $2 and status = 'confirmed' returning id`,
    [id, eventId, checkedIn],
  );
  return rows[0] ? findRegistrationById(db, rows[0].id) : null;
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
  /** How a registrant for a hybrid event takes part; null for an event that is online or on site only. */
  attendance: Attendance | null;
  /** What the personal link's token is derived from; only the token's hash is stored. */
  linkId: string;
  joinTokenHash: string;
}

/** What a registrant typed, and the personal link made for it: what a registration takes from its form. */
export type RegistrantFields = Omit<NewRegistration, 'id' | 'status' | 'eventId'>;

/**
 * A batch's id and registrant columns as parallel arrays for `unnest`, in this order: id, name,
 * email, email_normalised, organisation, accessibility_needs, answers, consent_at, link_id,
 * join_token_hash, attendance.
 */
function registrantArrays(rows: Array<Omit<NewRegistration, 'status' | 'eventId'>>): unknown[][] {
  return [
    rows.map((r) => r.id),
    rows.map((r) => r.name),
    rows.map((r) => r.email),
    rows.map((r) => r.emailNormalised),
    rows.map((r) => r.organisation),
    rows.map((r) => r.accessibilityNeeds),
    rows.map((r) => JSON.stringify(r.answers)),
    rows.map((r) => r.consentAt.toISOString()),
    rows.map((r) => r.linkId),
    rows.map((r) => r.joinTokenHash),
    rows.map((r) => r.attendance),
  ];
}

/**
 * A cancelled registration's address registering again: the row comes back, queued at the end if
 * it waits, with what the new form holds in place of everything the old one held, and a new
 * personal link (the one sent before stops working).
 */
export async function reactivateRegistration(
  db: Queryable,
  id: string,
  status: 'confirmed' | 'waitlisted',
  fields: RegistrantFields,
): Promise<void> {
  await db.query(
    `update registrations set status = $2, cancelled_at = null,
       queue_position = nextval('registration_queue_seq'), updated_at = now(),
       name = $3, email = $4, email_normalised = $5, organisation = $6, accessibility_needs = $7,
       answers = $8::jsonb, consent_at = $9::timestamptz, link_id = $10::uuid, join_token_hash = $11,
       attendance = $12
     where id = $1`,
    [
      id,
      status,
      fields.name,
      fields.email,
      fields.emailNormalised,
      fields.organisation,
      fields.accessibilityNeeds,
      JSON.stringify(fields.answers),
      fields.consentAt,
      fields.linkId,
      fields.joinTokenHash,
      fields.attendance,
    ],
  );
}

/** The id each registration's personal link is derived from; kept out of every view of a registration. */
export async function findPersonalLinkIds(
  db: Queryable,
  registrationIds: string[],
): Promise<Map<string, string>> {
  if (registrationIds.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; link_id: string }>(
    'select id, link_id from registrations where id = any($1::uuid[])',
    [[...new Set(registrationIds)]],
  );
  return new Map(rows.map((r) => [r.id, r.link_id]));
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

/**
 * The first on the waiting list, locked so two cancellations do not promote the same person.
 * With `inPerson` false, the first who does not come in person (a hybrid event's full room).
 */
export async function findFirstWaitlisted(
  tx: Queryable,
  eventId: string,
  options: { inPerson: boolean } = { inPerson: true },
): Promise<{ id: string; attendance: Attendance | null } | null> {
  const { rows } = await tx.query<{ id: string; attendance: Attendance | null }>(
    `select id, attendance from registrations where event_id = $1 and status = 'waitlisted'
       and ($2::boolean or attendance is distinct from 'in_person')
     order by queue_position limit 1 for update`,
    [eventId, options.inPerson],
  );
  return rows[0] ?? null;
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

/**
 * How the active registrations of a hybrid event take part: the rows still held, plus what the
 * retention counted of those it deleted (`attendance_tallies`).
 */
export async function countAttendance(db: Queryable, eventId: string): Promise<AttendanceCounts> {
  const { rows } = await db.query<{ attendance: Attendance; n: number }>(
    `select attendance, count(*)::int as n from registrations
      where event_id = $1 and attendance is not null and status <> 'cancelled' group by attendance`,
    [eventId],
  );
  const tally = await findAttendanceTally(db, eventId);
  const counts: AttendanceCounts = { ...tally.registered };
  for (const r of rows) counts[r.attendance] += r.n;
  return counts;
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

/**
 * Adds the rows' statuses to the tallies, then deletes the rows. Their e-mails in the outbox go with
 * them, and so does everything else that holds a registrant's data by their registration (their
 * places in the live room, with their names, and their stays there, by the foreign key).
 */
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
  // At the end of the event's retention, the staff invitations go too: they hold addresses.
  if (ids === 'all')
    await tx.query('delete from outbound_emails where event_id = $1 and staff_id is not null', [eventId]);
  const deleted = await tx.query<{ id: string }>(
    `delete from registrations where event_id = $1 ${filter} returning id`,
    params,
  );
  return deleted.rows.length;
}

/** The registrations (any status) of these addresses for an event; read under the event lock. */
export async function findRegistrationsByEmails(
  tx: Queryable,
  eventId: string,
  emailsNormalised: string[],
): Promise<Array<{ id: string; emailNormalised: string; status: RegistrationStatus }>> {
  if (emailsNormalised.length === 0) return [];
  const { rows } = await tx.query<{ id: string; email_normalised: string; status: RegistrationStatus }>(
    'select id, email_normalised, status from registrations where event_id = $1 and email_normalised = any($2::text[])',
    [eventId, emailsNormalised],
  );
  return rows.map((r) => ({ id: r.id, emailNormalised: r.email_normalised, status: r.status }));
}

/**
 * Writes the seat decisions of a batch of registrations for one event, taken
 * under the event lock (`lockEventForRegistration`) in the caller's transaction:
 * the new rows in the order given (which is their place in the waiting list),
 * the seats they took on the event row, and their outbox entries, in one
 * statement and so in one round trip however large the batch.
 */
export async function insertRegistrationBatch(
  tx: Queryable,
  eventId: string,
  registrations: NewRegistration[],
  seatsTaken: number,
  outbox: RegistrationOutboxEntry[],
): Promise<void> {
  await tx.query(
    `with inserted as (
       insert into registrations (id, event_id, status, name, email, email_normalised, organisation,
         accessibility_needs, answers, consent_at, link_id, join_token_hash, attendance)
       select n.id, $1, n.status, n.name, n.email, n.email_normalised, n.organisation,
         n.accessibility_needs, n.answers::jsonb, n.consent_at::timestamptz, n.link_id, n.join_token_hash,
         n.attendance
       from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::uuid[], $11::text[], $12::text[], $13::text[]) with ordinality
         as n(id, name, email, email_normalised, organisation, accessibility_needs, answers, consent_at,
           link_id, join_token_hash, attendance, status, arrival)
       order by n.arrival
     ), seats as (
       update events set confirmed_count = confirmed_count + $14 where id = $1 and $14 <> 0
     )
     insert into registration_outbox (registration_id, email_kind, reminders)
     select o.registration_id, o.email_kind, o.reminders
     from unnest($15::uuid[], $16::text[], $17::text[]) with ordinality
       as o(registration_id, email_kind, reminders, arrival)
     order by o.arrival`,
    [
      eventId,
      ...registrantArrays(registrations),
      registrations.map((r) => r.status),
      seatsTaken,
      outbox.map((o) => o.registrationId),
      outbox.map((o) => o.emailKind),
      outbox.map((o) => o.reminders),
    ],
  );
}

/** What `insertNewRegistrationsTakingSeats` found on the locked event row. */
export interface SeatedEventState {
  status: 'draft' | 'published' | 'cancelled';
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  endsAt: string;
  capacity: number | null;
  waitlistEnabled: boolean;
  /** Seats taken before this statement. */
  confirmedCount: number;
  /** The live room has ended: the event has taken place, whatever its planned end. */
  roomEnded: boolean;
}

/**
 * A batch of new registrations for one event in one statement, and so in one
 * round trip and one commit: it locks the event row, checks on it that the
 * event is published, its live room not ended and the form open at `now`, gives the rows seats in the
 * order given while seats remain, then waiting-list places (or nothing, for an
 * event without a waiting list), counts the seats on the event row and writes
 * the outbox entries: one confirmation per row, with reminders for a seat, and
 * one more for each of `repeatedIds` (the same address sent again in the batch).
 *
 * Under the lock the seat count is the newest (a locking read in PostgreSQL
 * sees the latest version of the row it waited for), and an address already
 * registered makes the insert fail on the unique index whatever the statement
 * could see: the caller then writes the batch under the lock instead
 * (`unique_violation`, 23505). Returns null when no event has that slug.
 */
export async function insertNewRegistrationsTakingSeats(
  db: Queryable,
  eventSlug: string,
  now: Date,
  registrations: Array<Omit<NewRegistration, 'status' | 'eventId'>>,
  repeatedIds: string[],
): Promise<{
  event: SeatedEventState;
  seated: Map<string, 'confirmed' | 'waitlisted' | 'room_full'>;
} | null> {
  const { rows } = await db.query<{
    status: SeatedEventState['status'];
    registration_opens_at: Date | null;
    registration_closes_at: Date | null;
    ends_at: Date;
    capacity: number | null;
    waitlist_enabled: boolean;
    confirmed_count: number;
    room_ended: boolean;
    id: string | null;
    seat: 'confirmed' | 'waitlisted' | 'room_full' | null;
  }>(
    `with ev as (
       select e.id, e.status, e.registration_opens_at, e.registration_closes_at, e.ends_at, e.capacity,
         e.waitlist_enabled, e.confirmed_count, e.room_capacity,
         (case when e.room_capacity is null then 0 else (select count(*)::int from registrations r
           where r.event_id = e.id and r.status = 'confirmed' and r.attendance = 'in_person') end) as room_taken,
         exists (select 1 from live_rooms lr where lr.event_id = e.id and lr.status = 'ended') as room_ended
       from events e where e.slug = $1 for update of e
     ), open_ev as (
       select * from ev where status = 'published' and not room_ended
         and (registration_opens_at is null or registration_opens_at <= $2)
         and $2 < coalesce(registration_closes_at, ends_at)
     ), arrived as (
       -- A hybrid event's room takes in-person registrations in arrival order while it has seats.
       select n.*, e.id as event_id, e.capacity, e.confirmed_count, e.waitlist_enabled,
         (e.room_capacity is null or n.attendance is distinct from 'in_person'
           or e.room_taken + sum(case when n.attendance = 'in_person' then 1 else 0 end)
                over (order by n.arrival) <= e.room_capacity) as room_ok
       from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::uuid[], $12::text[], $13::text[]) with ordinality
         as n(id, name, email, email_normalised, organisation, accessibility_needs, answers, consent_at,
           link_id, join_token_hash, attendance, arrival)
       cross join open_ev e
     ), decided as (
       select a.*,
         case when not a.room_ok then null
              when a.capacity is null
                or a.confirmed_count + sum(case when a.room_ok then 1 else 0 end) over (order by a.arrival) <= a.capacity
                then 'confirmed'
              when a.waitlist_enabled then 'waitlisted' end as seat
       from arrived a
     ), inserted as (
       insert into registrations (id, event_id, status, name, email, email_normalised, organisation,
         accessibility_needs, answers, consent_at, link_id, join_token_hash, attendance)
       select id, event_id, seat, name, email, email_normalised, organisation, accessibility_needs,
         answers::jsonb, consent_at::timestamptz, link_id, join_token_hash, attendance
       from decided where seat is not null
       order by arrival
       returning id, status
     ), seats as (
       update events set confirmed_count = confirmed_count + (select count(*) from inserted where status = 'confirmed')
       where id = (select id from open_ev) and exists (select 1 from inserted where status = 'confirmed')
     ), outbox as (
       insert into registration_outbox (registration_id, email_kind, reminders)
       select id, 'confirmation', case when status = 'confirmed' then 'add' else 'none' end from inserted
       union all
       select i.id, 'confirmation', 'none' from unnest($14::uuid[]) as r(id) join inserted i on i.id = r.id
     )
     select ev.status, ev.registration_opens_at, ev.registration_closes_at, ev.ends_at, ev.capacity,
       ev.waitlist_enabled, ev.confirmed_count, ev.room_ended, outcome.id, outcome.seat
     from ev left join (
       select id, status as seat from inserted
       union all
       select id, 'room_full' from decided where not room_ok
     ) outcome on true`,
    [eventSlug, now, ...registrantArrays(registrations), repeatedIds],
  );
  const first = rows[0];
  if (!first) return null;
  return {
    event: {
      status: first.status,
      registrationOpensAt: isoOrNull(first.registration_opens_at),
      registrationClosesAt: isoOrNull(first.registration_closes_at),
      endsAt: isoTimestamp(first.ends_at),
      capacity: first.capacity,
      waitlistEnabled: first.waitlist_enabled,
      confirmedCount: first.confirmed_count,
      roomEnded: first.room_ended,
    },
    seated: new Map(rows.flatMap((r) => (r.id && r.seat ? [[r.id, r.seat] as const] : []))),
  };
}
