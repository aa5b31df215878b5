import type { Queryable } from '../database.ts';

export interface EventMessage {
  id: string;
  eventId: string;
  subject: string;
  body: string;
}

export async function insertEventMessage(
  db: Queryable,
  message: { eventId: string; subject: string; body: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'insert into event_messages (event_id, subject, body) values ($1, $2, $3) returning id',
    [message.eventId, message.subject, message.body],
  );
  return rows[0]!.id;
}

export async function findEventMessage(db: Queryable, id: string): Promise<EventMessage | null> {
  const { rows } = await db.query<{ id: string; event_id: string; subject: string; body: string }>(
    'select id, event_id, subject, body from event_messages where id = $1',
    [id],
  );
  const r = rows[0];
  return r ? { id: r.id, eventId: r.event_id, subject: r.subject, body: r.body } : null;
}
