import type { CustomQuestion, EventRegistrationSettings, PublicEventView } from '@folkemote/domain';
import { registrationStateAt } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { type EventRow, eventColumns, type findEventById, listEvents, toPublicEvent } from './events.ts';
import { isoOrNull } from './timestamps.ts';

/** The room's confirmed in-person seats, counted only for an event with a room capacity (under the event's lock when it decides a seat). */
const roomTaken = `(case when e.room_capacity is null then 0 else (select count(*)::int from registrations r
  where r.event_id = e.id and r.status = 'confirmed' and r.attendance = 'in_person') end)`;

interface SettingsRow {
  id: string;
  status: EventRegistrationSettings['status'];
  mode: EventRegistrationSettings['mode'];
  address: string | null;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  capacity: number | null;
  room_capacity: number | null;
  room_taken: number;
  waitlist_enabled: boolean;
  recorded: boolean;
  broadcast: boolean;
  retention_days: number;
  custom_questions: CustomQuestion[];
  cancelled_at: Date | null;
  revision: number;
  confirmed: number;
}

const settingsSelect = `select e.id, e.status, e.mode, e.address, e.registration_opens_at, e.registration_closes_at,
  e.capacity, e.waitlist_enabled, e.recorded, e.broadcast, e.retention_days, e.custom_questions, e.cancelled_at, e.revision,
  e.confirmed_count as confirmed, e.room_capacity, ${roomTaken} as room_taken
  from events e`;

function toSettings(
  r: SettingsRow,
): EventRegistrationSettings & { revision: number; confirmed: number; roomTaken: number } {
  return {
    status: r.status,
    mode: r.mode,
    address: r.address,
    registrationOpensAt: isoOrNull(r.registration_opens_at),
    registrationClosesAt: isoOrNull(r.registration_closes_at),
    capacity: r.capacity,
    roomCapacity: r.room_capacity,
    waitlistEnabled: r.waitlist_enabled,
    recorded: r.recorded,
    broadcast: r.broadcast,
    retentionDays: r.retention_days,
    customQuestions: r.custom_questions ?? [],
    cancelledAt: isoOrNull(r.cancelled_at),
    revision: r.revision,
    confirmed: r.confirmed,
    roomTaken: r.room_taken,
  };
}

async function settingsFor(db: Queryable, ids: string[]) {
  if (ids.length === 0) return new Map<string, ReturnType<typeof toSettings>>();
  const { rows } = await db.query<SettingsRow>(`${settingsSelect} where e.id = any($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, toSettings(r)]));
}

export type EventWithRegistration = PublicEventView & {
  revision: number;
  confirmed: number;
  roomTaken: number;
};

function toView(
  event: NonNullable<Awaited<ReturnType<typeof findEventById>>>,
  s: ReturnType<typeof toSettings>,
  now: Date,
): EventWithRegistration {
  return {
    ...event,
    ...s,
    seatsLeft: s.capacity === null ? null : Math.max(0, s.capacity - s.confirmed),
    roomSeatsLeft: s.roomCapacity === null ? null : Math.max(0, s.roomCapacity - s.roomTaken),
    registrationState: registrationStateAt({ ...s, endsAt: event.endsAt }, s.confirmed, now),
  };
}

interface FullRow extends SettingsRow, EventRow {}

// One query for the event, its organisation and its registration settings: the registration path reads it on every request.
const fullSelect = `select ${eventColumns},
  e.status, e.mode, e.address, e.registration_opens_at, e.registration_closes_at, e.capacity,
  e.waitlist_enabled, e.recorded, e.broadcast, e.retention_days, e.custom_questions, e.cancelled_at, e.revision,
  e.confirmed_count as confirmed, e.room_capacity, ${roomTaken} as room_taken
  from events e join organisations o on o.id = e.organisation_id`;

async function selectOne(
  db: Queryable,
  condition: string,
  value: string,
  now: Date,
): Promise<EventWithRegistration | null> {
  const { rows } = await db.query<FullRow>(`${fullSelect} ${condition}`, [value]);
  return rows[0] ? toView(toPublicEvent(rows[0]), toSettings(rows[0]), now) : null;
}

/** The event with its registration settings and seat count, in any status (organiser and domain use). */
export function findEventWithRegistrationById(
  db: Queryable,
  id: string,
  now = new Date(),
): Promise<EventWithRegistration | null> {
  return selectOne(db, 'where e.id = $1', id, now);
}

export function findEventWithRegistrationBySlug(
  db: Queryable,
  slug: string,
  now = new Date(),
): Promise<EventWithRegistration | null> {
  return selectOne(db, 'where e.slug = $1', slug, now);
}

/**
 * The same, with the event's row locked for the rest of the transaction, as
 * `lockEventForRegistration` locks it: for a seat decision that also needs the
 * form's rules, in one round trip.
 */
export function lockEventWithRegistrationBySlug(
  tx: Queryable,
  slug: string,
  now = new Date(),
): Promise<EventWithRegistration | null> {
  return selectOne(tx, 'where e.slug = $1 for update of e', slug, now);
}

/** Published and cancelled events: what the public list shows. Drafts stay with their organisers. */
export async function listPublicEvents(db: Queryable, now = new Date()): Promise<EventWithRegistration[]> {
  const events = await listEvents(db);
  const settings = await settingsFor(
    db,
    events.map((e) => e.id),
  );
  return events.flatMap((e) => {
    const s = settings.get(e.id);
    return s && s.status !== 'draft' ? [toView(e, s, now)] : [];
  });
}

/**
 * Takes the event's row lock for the rest of the transaction. Every seat decision
 * for one event goes through this lock, so concurrent registrations are counted
 * one after another and never overbook.
 */
export async function lockEventForRegistration(
  tx: Queryable,
  eventId: string,
): Promise<{
  status: EventRegistrationSettings['status'];
  capacity: number | null;
  waitlistEnabled: boolean;
  confirmedCount: number;
  /** A hybrid event's seats in the room, when its capacity applies to the room (null otherwise). */
  roomCapacity: number | null;
  /** The room's seats taken by confirmed in-person registrations (0 without a room capacity). */
  roomTaken: number;
} | null> {
  const { rows } = await tx.query<{
    status: EventRegistrationSettings['status'];
    capacity: number | null;
    waitlist_enabled: boolean;
    confirmed_count: number;
    room_capacity: number | null;
    room_taken: number;
  }>(
    `select e.status, e.capacity, e.waitlist_enabled, e.confirmed_count, e.room_capacity, ${roomTaken} as room_taken
     from events e where e.id = $1 for update of e`,
    [eventId],
  );
  const r = rows[0];
  return r
    ? {
        status: r.status,
        capacity: r.capacity,
        waitlistEnabled: r.waitlist_enabled,
        confirmedCount: r.confirmed_count,
        roomCapacity: r.room_capacity,
        roomTaken: r.room_taken,
      }
    : null;
}

/** Seats taken or given back outside the single-statement path (cancellations, promotions, re-registrations). */
export async function adjustConfirmedCount(tx: Queryable, eventId: string, delta: number): Promise<void> {
  await tx.query('update events set confirmed_count = greatest(0, confirmed_count + $2) where id = $1', [
    eventId,
    delta,
  ]);
}

/** Registration settings that the event editor writes; partial updates leave other columns as they are. */
export async function updateEventRegistrationSettings(
  db: Queryable,
  eventId: string,
  settings: Partial<Omit<EventRegistrationSettings, 'cancelledAt'>>,
): Promise<void> {
  const columns: Record<string, unknown> = {
    status: settings.status,
    mode: settings.mode,
    address: settings.address,
    registration_opens_at: settings.registrationOpensAt,
    registration_closes_at: settings.registrationClosesAt,
    capacity: settings.capacity,
    room_capacity: settings.roomCapacity,
    waitlist_enabled: settings.waitlistEnabled,
    recorded: settings.recorded,
    broadcast: settings.broadcast,
    retention_days: settings.retentionDays,
    custom_questions:
      settings.customQuestions === undefined ? undefined : JSON.stringify(settings.customQuestions),
  };
  const entries = Object.entries(columns).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return;
  const sets = entries.map(([k], i) => `${k} = $${i + 2}`).join(', ');
  await db.query(`update events set ${sets}, updated_at = now() where id = $1`, [
    eventId,
    ...entries.map(([, v]) => v),
  ]);
}

/** Marks the event cancelled and bumps its revision, so calendars replace the invitation. */
export async function markEventCancelled(db: Queryable, eventId: string, now = new Date()): Promise<void> {
  await db.query(
    `update events set status = 'cancelled', cancelled_at = coalesce(cancelled_at, $2), revision = revision + 1,
       updated_at = now() where id = $1`,
    [eventId, now],
  );
}

/** A change registrants are told about: the calendar invitation's SEQUENCE goes up. */
export async function bumpEventRevision(db: Queryable, eventId: string): Promise<number | null> {
  const { rows } = await db.query<{ revision: number }>(
    'update events set revision = revision + 1 where id = $1 returning revision',
    [eventId],
  );
  return rows[0]?.revision ?? null;
}

/** Events whose registrant data is due for deletion at `now`: ended more than retention_days ago. */
export async function listEventsDueForRetention(db: Queryable, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from events
     where registrant_data_deleted_at is null
       and ends_at + make_interval(days => retention_days) <= $1`,
    [now],
  );
  return rows.map((r) => r.id);
}

export async function markRegistrantDataDeleted(db: Queryable, eventId: string, now: Date): Promise<void> {
  await db.query('update events set registrant_data_deleted_at = $2 where id = $1', [eventId, now]);
}
