import type { QuestionRecord, QuestionStatus } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoOrNull, isoTimestamp } from './timestamps.ts';

interface Row {
  id: string;
  event_id: string;
  registration_id: string | null;
  author_name: string | null;
  status: QuestionStatus;
  text: string;
  original_text: string | null;
  anonymous: boolean;
  pinned: boolean;
  answer: string | null;
  vote_count: number;
  dismissed_from: QuestionStatus | null;
  merged_into_id: string | null;
  created_at: Date;
  edited_at: Date | null;
  highlighted_at: Date | null;
  answered_at: Date | null;
}

function toRecord(r: Row): QuestionRecord {
  return {
    id: r.id,
    eventId: r.event_id,
    registrationId: r.registration_id,
    authorName: r.author_name,
    status: r.status,
    text: r.text,
    originalText: r.original_text,
    anonymous: r.anonymous,
    pinned: r.pinned,
    answer: r.answer,
    votes: Number(r.vote_count),
    dismissedFrom: r.dismissed_from,
    mergedInto: r.merged_into_id,
    createdAt: isoTimestamp(r.created_at),
    editedAt: isoOrNull(r.edited_at),
    highlightedAt: isoOrNull(r.highlighted_at),
    answeredAt: isoOrNull(r.answered_at),
  };
}

const columns = `q.id, q.event_id, q.registration_id, r.name as author_name, q.status, q.text, q.original_text,
  q.anonymous, q.pinned, q.answer, q.vote_count, q.dismissed_from, q.merged_into_id, q.created_at,
  q.edited_at, q.highlighted_at, q.answered_at`;
const withAuthor = 'left join registrations r on r.id = q.registration_id';

/** Runs an insert or update that returns the question row, and reads it back with the asker's name. */
async function returning(
  db: Queryable,
  statement: string,
  params: unknown[],
): Promise<QuestionRecord | null> {
  const { rows } = await db.query<Row>(
    `with q as (${statement} returning *) select ${columns} from q ${withAuthor}`,
    params,
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function insertQuestion(
  tx: Queryable,
  input: {
    eventId: string;
    registrationId: string;
    status: QuestionStatus;
    text: string;
    anonymous: boolean;
    now: Date;
  },
): Promise<QuestionRecord> {
  return (await returning(
    tx,
    `insert into questions (event_id, registration_id, status, text, anonymous, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $6)`,
    [input.eventId, input.registrationId, input.status, input.text, input.anonymous, input.now],
  ))!;
}

export async function findQuestion(db: Queryable, id: string): Promise<QuestionRecord | null> {
  const { rows } = await db.query<Row>(`select ${columns} from questions q ${withAuthor} where q.id = $1`, [
    id,
  ]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Every question of an event, in the order they were asked. */
export async function listQuestions(db: Queryable, eventId: string): Promise<QuestionRecord[]> {
  const { rows } = await db.query<Row>(
    `select ${columns} from questions q ${withAuthor} where q.event_id = $1 order by q.created_at, q.id`,
    [eventId],
  );
  return rows.map(toRecord);
}

/**
 * Takes the rows of the given questions for the rest of the transaction, in id
 * order (so two transactions taking several never wait on each other in a circle),
 * and returns them as they are now.
 */
export async function lockQuestions(
  tx: Queryable,
  ids: readonly string[],
): Promise<Map<string, QuestionRecord>> {
  const { rows } = await tx.query<Row>(
    `select ${columns} from questions q ${withAuthor} where q.id = any($1::uuid[]) order by q.id for update of q`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, toRecord(r)]));
}

export async function findHighlightedQuestion(
  tx: Queryable,
  eventId: string,
): Promise<QuestionRecord | null> {
  const { rows } = await tx.query<Row>(
    `select ${columns} from questions q ${withAuthor} where q.event_id = $1 and q.status = 'highlighted'`,
    [eventId],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Moves a question to a status, stamping when it was highlighted or answered
 * and remembering where a dismissed question came from.
 */
export async function setQuestionStatus(
  tx: Queryable,
  id: string,
  status: QuestionStatus,
  now: Date,
): Promise<QuestionRecord> {
  return (await returning(
    tx,
    `update questions set
       dismissed_from = case when $2::text = 'dismissed' then status else null end,
       status = $2::text,
       highlighted_at = case when $2::text = 'highlighted' then $3::timestamptz else highlighted_at end,
       answered_at = case when $2::text = 'answered' then $3::timestamptz
                          when $2::text in ('pending', 'live', 'highlighted') then null else answered_at end,
       updated_at = $3::timestamptz
     where id = $1`,
    [id, status, now],
  ))!;
}

/** A moderator's correction; the text as asked is kept from the first one. */
export async function setQuestionText(
  tx: Queryable,
  id: string,
  text: string,
  now: Date,
): Promise<QuestionRecord> {
  return (await returning(
    tx,
    `update questions set original_text = coalesce(original_text, text), text = $2, edited_at = $3,
       updated_at = $3 where id = $1`,
    [id, text, now],
  ))!;
}

export async function setQuestionPinned(
  tx: Queryable,
  id: string,
  pinned: boolean,
  now: Date,
): Promise<QuestionRecord> {
  return (await returning(tx, 'update questions set pinned = $2, updated_at = $3 where id = $1', [
    id,
    pinned,
    now,
  ]))!;
}

export async function setQuestionAnswer(
  tx: Queryable,
  id: string,
  answer: string | null,
  now: Date,
): Promise<QuestionRecord> {
  return (await returning(tx, 'update questions set answer = $2, updated_at = $3 where id = $1', [
    id,
    answer,
    now,
  ]))!;
}

export async function markQuestionMerged(
  tx: Queryable,
  id: string,
  into: string,
  now: Date,
): Promise<QuestionRecord> {
  return (await returning(
    tx,
    `update questions set status = 'merged', merged_into_id = $2, pinned = false, vote_count = 0,
       updated_at = $3 where id = $1`,
    [id, into, now],
  ))!;
}

/** Sets the vote count from the votes themselves (after a merge moved some). */
export async function recountQuestionVotes(tx: Queryable, id: string, now: Date): Promise<QuestionRecord> {
  return (await returning(
    tx,
    `update questions set vote_count = (select count(*) from question_votes v where v.question_id = $1),
       updated_at = $2 where id = $1`,
    [id, now],
  ))!;
}

/**
 * Counts a vote in or out. A vote counts only on a question that takes votes,
 * checked on the row as it is when the update gets it (after any moderation
 * that held it); null when it no longer does.
 */
export async function addToQuestionVoteCount(
  tx: Queryable,
  id: string,
  delta: 1 | -1,
): Promise<QuestionRecord | null> {
  return returning(
    tx,
    `update questions set vote_count = vote_count + $2
     where id = $1 and (($2 > 0 and status in ('live', 'highlighted')) or ($2 < 0 and status <> 'merged'))`,
    [id, delta],
  );
}

export interface QuestionStats {
  asked: number;
  answered: number;
  dismissed: number;
  merged: number;
  open: number;
  votes: number;
  /** People who asked at least one question. */
  askers: number;
  /** People who voted at least once. */
  voters: number;
}

/**
 * The event's Q&A figures: its questions plus the tallies of those deleted with
 * their askers' data. Askers and voters are counted from the links to
 * registrations, so they drop as registrant data is deleted.
 */
export async function countQuestionStats(db: Queryable, eventId: string): Promise<QuestionStats> {
  const { rows } = await db.query<Record<keyof QuestionStats, number | string>>(
    `select count(*) as asked,
       count(*) filter (where status = 'answered') as answered,
       count(*) filter (where status = 'dismissed') as dismissed,
       count(*) filter (where status = 'merged') as merged,
       count(*) filter (where status in ('pending', 'live', 'highlighted')) as open,
       coalesce(sum(vote_count), 0) as votes,
       count(distinct registration_id) as askers,
       (select count(distinct v.registration_id) from question_votes v join questions q2 on q2.id = v.question_id
         where q2.event_id = $1) as voters
     from questions where event_id = $1`,
    [eventId],
  );
  const { rows: tallies } = await db.query<Record<Tallied, number>>(
    'select asked, answered, dismissed, merged, open, votes from question_tallies where event_id = $1',
    [eventId],
  );
  const r = rows[0]!;
  const t = tallies[0];
  const total = (key: Tallied) => Number(r[key]) + Number(t?.[key] ?? 0);
  return {
    asked: total('asked'),
    answered: total('answered'),
    dismissed: total('dismissed'),
    merged: total('merged'),
    open: total('open'),
    votes: total('votes'),
    askers: Number(r.askers),
    voters: Number(r.voters),
  };
}

/** The figures kept in `question_tallies` for questions deleted with their askers' data. */
type Tallied = Exclude<keyof QuestionStats, 'askers' | 'voters'>;
