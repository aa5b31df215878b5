import type { PollInput, PollRecord, PollResultsVisibility, PollStatus } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

interface Row {
  id: string;
  event_id: string;
  question: string;
  multiple: boolean;
  results_visibility: PollResultsVisibility;
  status: PollStatus;
  answer_count: number;
  created_at: Date;
  opened_at: Date | null;
  closed_at: Date | null;
  options: Array<{ text: string; votes: number }> | string;
}

function toPoll(r: Row): PollRecord {
  const options = typeof r.options === 'string' ? JSON.parse(r.options) : r.options;
  return {
    id: r.id,
    eventId: r.event_id,
    question: r.question,
    multiple: r.multiple,
    resultsVisibility: r.results_visibility,
    status: r.status,
    options: options.map((o: { text: string; votes: number }) => ({ text: o.text, votes: Number(o.votes) })),
    answerCount: Number(r.answer_count),
    createdAt: isoTimestamp(r.created_at),
    openedAt: isoOrNull(r.opened_at),
    closedAt: isoOrNull(r.closed_at),
  };
}

const select = `select p.id, p.event_id, p.question, p.multiple, p.results_visibility, p.status, p.answer_count,
    p.created_at, p.opened_at, p.closed_at,
    (select coalesce(json_agg(json_build_object('text', o.text, 'votes', o.votes) order by o.position), '[]'::json)
     from poll_options o where o.poll_id = p.id) as options
  from polls p`;

export async function insertPoll(
  tx: Queryable,
  eventId: string,
  input: PollInput,
  now: Date,
): Promise<PollRecord> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into polls (event_id, question, multiple, results_visibility, created_at)
     values ($1, $2, $3, $4, $5) returning id`,
    [eventId, input.question, input.multiple, input.resultsVisibility, now],
  );
  const id = rows[0]!.id;
  await tx.query(
    `insert into poll_options (poll_id, position, text)
     select $1, o.ordinality - 1, o.text from unnest($2::text[]) with ordinality as o(text, ordinality)`,
    [id, input.options],
  );
  return (await findPoll(tx, id))!;
}

export async function findPoll(db: Queryable, id: string): Promise<PollRecord | null> {
  const { rows } = await db.query<Row>(`${select} where p.id = $1`, [id]);
  return rows[0] ? toPoll(rows[0]) : null;
}

/** Takes the poll's row for the rest of the transaction (answers and status changes wait on each other). */
export async function lockPoll(tx: Queryable, id: string): Promise<PollRecord | null> {
  await tx.query('select id from polls where id = $1 for update', [id]);
  return findPoll(tx, id);
}

/**
 * `lockPoll` in one round trip, for an answer: the poll's own columns are read from the row as
 * locked (PostgreSQL reads a row again once the lock it waited for is free), but its choices' counts
 * may be from before the wait, so an answer takes the counts from its own update
 * (`insertPollAnswer`), never from here.
 */
export async function lockPollToAnswer(tx: Queryable, id: string): Promise<PollRecord | null> {
  const { rows } = await tx.query<Row>(`${select} where p.id = $1 for update of p`, [id]);
  return rows[0] ? toPoll(rows[0]) : null;
}

/** The event's polls, in the order they were prepared. */
export async function listPolls(db: Queryable, eventId: string): Promise<PollRecord[]> {
  const { rows } = await db.query<Row>(`${select} where p.event_id = $1 order by p.created_at, p.id`, [
    eventId,
  ]);
  return rows.map(toPoll);
}

/** Opens a poll (closing the one open before, if any) or closes it; returns the polls it changed. */
export async function setPollStatus(
  tx: Queryable,
  poll: PollRecord,
  status: 'open' | 'closed',
  now: Date,
): Promise<PollRecord[]> {
  const changed: string[] = [];
  if (status === 'open') {
    const { rows } = await tx.query<{ id: string }>(
      `update polls set status = 'closed', closed_at = $3
       where event_id = $1 and status = 'open' and id <> $2 returning id`,
      [poll.eventId, poll.id, now],
    );
    changed.push(...rows.map((r) => r.id));
    await tx.query(
      `update polls set status = 'open', opened_at = coalesce(opened_at, $2), closed_at = null where id = $1`,
      [poll.id, now],
    );
  } else {
    await tx.query(`update polls set status = 'closed', closed_at = $2 where id = $1`, [poll.id, now]);
  }
  changed.push(poll.id);
  const polls: PollRecord[] = [];
  for (const id of changed) polls.push((await findPoll(tx, id))!);
  return polls;
}

/**
 * A registrant's answer and the poll's counts after it, in one statement (one round trip while the
 * poll's row is held): the answer, one more on the poll, one more on each choice, and every choice's
 * count after it. Null when the
 * registrant had answered already (nothing is counted then). Run with the poll's row locked
 * (`lockPoll`), so the counts returned are the poll's as of this answer.
 */
export async function insertPollAnswer(
  tx: Queryable,
  pollId: string,
  registrationId: string,
  choices: readonly number[],
  now: Date,
): Promise<{ answerCount: number; votes: Map<number, number> } | null> {
  const { rows } = await tx.query<{
    answer_count: number | null;
    options: Array<{ position: number; votes: number }> | string;
  }>(
    `with answer as (
       insert into poll_answers (poll_id, registration_id, choices, created_at)
       values ($1, $2, $3::smallint[], $4)
       on conflict (poll_id, registration_id) do nothing returning poll_id
     ), poll as (
       update polls set answer_count = answer_count + 1
       where id = $1 and exists (select 1 from answer) returning answer_count
     ), chosen as (
       update poll_options set votes = votes + 1
       where poll_id = $1 and position = any($3::smallint[]) and exists (select 1 from answer)
       returning position, votes
     )
     select (select answer_count from poll) as answer_count,
       -- Every choice's count: this statement began after the poll's row was taken, so it sees every
       -- answer before this one; the chosen ones as this one's update left them.
       coalesce((select json_agg(json_build_object('position', o.position, 'votes', coalesce(c.votes, o.votes)))
         from poll_options o left join chosen c on c.position = o.position where o.poll_id = $1), '[]'::json)
         as options`,
    [pollId, registrationId, choices, now],
  );
  const row = rows[0];
  if (!row || row.answer_count === null) return null;
  const options = typeof row.options === 'string' ? JSON.parse(row.options) : row.options;
  return {
    answerCount: Number(row.answer_count),
    votes: new Map(
      options.map((o: { position: number; votes: number }) => [Number(o.position), Number(o.votes)]),
    ),
  };
}

/** What each of these registrants answered to the event's polls: registration → poll → choices. */
export async function listPollAnswersOf(
  db: Queryable,
  eventId: string,
  registrationIds: readonly string[],
): Promise<Map<string, Map<string, number[]>>> {
  const answers = new Map<string, Map<string, number[]>>();
  if (registrationIds.length === 0) return answers;
  const { rows } = await db.query<{ poll_id: string; registration_id: string; choices: number[] }>(
    `select a.poll_id, a.registration_id, a.choices from poll_answers a join polls p on p.id = a.poll_id
     where p.event_id = $1 and a.registration_id = any($2::uuid[])`,
    [eventId, registrationIds],
  );
  for (const r of rows) {
    const of = answers.get(r.registration_id) ?? new Map<string, number[]>();
    of.set(r.poll_id, r.choices.map(Number));
    answers.set(r.registration_id, of);
  }
  return answers;
}
