import type { Queryable } from '../database.ts';

/** One row of `registration_outbox`: what a registration still has to hand to the job queue. */
export interface RegistrationOutboxEntry {
  registrationId: string;
  emailKind: 'confirmation';
  /** add: a new seat, no reminders yet; replace: a seat taken again, drop any left from before. */
  reminders: 'none' | 'add' | 'replace';
}

export interface ClaimedOutboxEntry extends RegistrationOutboxEntry {
  id: number;
  /** The registration's status now: reminders are only for a seat still held. */
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  startsAt: Date;
}

/**
 * Claims the oldest entries no pass holds, for `leaseSeconds`: another pass (in
 * this process or another) skips them until the claim is released, deleted or
 * runs out, so a pass that died leaves them to the next one.
 */
export async function claimRegistrationOutbox(
  db: Queryable,
  limit: number,
  leaseSeconds: number,
): Promise<ClaimedOutboxEntry[]> {
  const { rows } = await db.query<{
    id: number;
    registration_id: string;
    email_kind: 'confirmation';
    reminders: RegistrationOutboxEntry['reminders'];
    status: ClaimedOutboxEntry['status'];
    starts_at: Date;
  }>(
    `update registration_outbox o set claimed_until = now() + make_interval(secs => $2)
     from registrations r join events e on e.id = r.event_id
     where r.id = o.registration_id and o.id in (
       select id from registration_outbox
       where claimed_until is null or claimed_until < now()
       order by id limit $1
       for update skip locked
     )
     returning o.id, o.registration_id, o.email_kind, o.reminders, r.status, e.starts_at`,
    [limit, leaseSeconds],
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      registrationId: r.registration_id,
      emailKind: r.email_kind,
      reminders: r.reminders,
      status: r.status,
      startsAt: new Date(r.starts_at),
    }))
    .sort((a, b) => a.id - b.id);
}

/** Lets claimed entries go again, for the next pass (the queue was not reached). */
export async function releaseRegistrationOutbox(db: Queryable, ids: number[]): Promise<void> {
  await db.query('update registration_outbox set claimed_until = null where id = any($1::bigint[])', [ids]);
}

export async function deleteRegistrationOutbox(db: Queryable, ids: number[]): Promise<void> {
  await db.query('delete from registration_outbox where id = any($1::bigint[])', [ids]);
}
