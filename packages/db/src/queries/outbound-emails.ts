import type { Queryable } from '../database.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

export interface OutboundEmail {
  id: string;
  eventId: string | null;
  registrationId: string | null;
  /** For a staff link sent by e-mail: the link's row (`event_staff`). */
  staffId: string | null;
  /** For a reset link: its row (`password_resets`). */
  passwordResetId: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  ics: string | null;
  status: 'pending' | 'sent' | 'stored' | 'failed';
  createdAt: string;
  sentAt: string | null;
}

interface Row {
  id: string;
  event_id: string | null;
  registration_id: string | null;
  staff_id: string | null;
  password_reset_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  ics: string | null;
  status: OutboundEmail['status'];
  created_at: Date;
  sent_at: Date | null;
}

const toEmail = (r: Row): OutboundEmail => ({
  id: r.id,
  eventId: r.event_id,
  registrationId: r.registration_id,
  staffId: r.staff_id,
  passwordResetId: r.password_reset_id,
  kind: r.kind,
  to: r.to_address,
  subject: r.subject,
  text: r.text_body,
  ics: r.ics,
  status: r.status,
  createdAt: isoTimestamp(r.created_at),
  sentAt: isoOrNull(r.sent_at),
});

/**
 * Puts a rendered e-mail in the outbox. A second call with the same dedupe key
 * (a retried job) returns the first one, so nothing is sent twice.
 */
export async function insertOutboundEmail(
  db: Queryable,
  email: {
    eventId: string | null;
    registrationId: string | null;
    staffId?: string | null;
    passwordResetId?: string | null;
    kind: string;
    dedupeKey: string;
    to: string;
    subject: string;
    text: string;
    ics: string | null;
  },
): Promise<OutboundEmail> {
  await db.query(
    `insert into outbound_emails (event_id, registration_id, kind, dedupe_key, to_address, subject, text_body, ics, staff_id, password_reset_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (dedupe_key) do nothing`,
    [
      email.eventId,
      email.registrationId,
      email.kind,
      email.dedupeKey,
      email.to,
      email.subject,
      email.text,
      email.ics,
      email.staffId ?? null,
      email.passwordResetId ?? null,
    ],
  );
  const { rows } = await db.query<Row>('select * from outbound_emails where dedupe_key = $1', [
    email.dedupeKey,
  ]);
  return toEmail(rows[0]!);
}

export async function findOutboundEmail(db: Queryable, id: string): Promise<OutboundEmail | null> {
  const { rows } = await db.query<Row>('select * from outbound_emails where id = $1', [id]);
  return rows[0] ? toEmail(rows[0]) : null;
}

export async function markOutboundEmail(
  db: Queryable,
  id: string,
  status: 'sent' | 'stored' | 'failed',
  error: string | null = null,
): Promise<void> {
  await db.query(
    `update outbound_emails set status = $2::text, error = $3::text,
       sent_at = case when $2::text in ('sent', 'stored') then now() else sent_at end where id = $1`,
    [id, status, error],
  );
}

/** The newest e-mails about one organisation's events: the outbox page an organiser reads without SMTP. */
export async function listOutboundEmails(
  db: Queryable,
  organisationId: string,
  limit = 100,
): Promise<OutboundEmail[]> {
  const { rows } = await db.query<Row>(
    `select m.* from outbound_emails m join events e on e.id = m.event_id
     where e.organisation_id = $1 order by m.created_at desc limit $2`,
    [organisationId, limit],
  );
  return rows.map(toEmail);
}
