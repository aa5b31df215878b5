import type { Queryable } from '../database.ts';

/** One vote per person and question: false when the person had voted already. */
export async function insertQuestionVote(
  tx: Queryable,
  questionId: string,
  registrationId: string,
  now: Date,
): Promise<boolean> {
  const { rows } = await tx.query(
    `insert into question_votes (question_id, registration_id, created_at) values ($1, $2, $3)
     on conflict (question_id, registration_id) do nothing returning 1`,
    [questionId, registrationId, now],
  );
  return rows.length === 1;
}

/** Takes a vote back: false when there was none. */
export async function deleteQuestionVote(
  tx: Queryable,
  questionId: string,
  registrationId: string,
): Promise<boolean> {
  const { rows } = await tx.query(
    'delete from question_votes where question_id = $1 and registration_id = $2 returning 1',
    [questionId, registrationId],
  );
  return rows.length === 1;
}

/**
 * Moves the votes of a duplicate to the question it is merged into. A person
 * who voted for both keeps the one vote they already had there.
 */
export async function moveQuestionVotes(tx: Queryable, fromId: string, toId: string): Promise<void> {
  await tx.query(
    `insert into question_votes (question_id, registration_id, created_at)
     select $2, registration_id, created_at from question_votes where question_id = $1
     on conflict (question_id, registration_id) do nothing`,
    [fromId, toId],
  );
  await tx.query('delete from question_votes where question_id = $1', [fromId]);
}

/** Everyone who voted for a question (registration ids). */
export async function listQuestionVoters(db: Queryable, questionId: string): Promise<string[]> {
  const { rows } = await db.query<{ registration_id: string }>(
    'select registration_id from question_votes where question_id = $1 and registration_id is not null',
    [questionId],
  );
  return rows.map((r) => r.registration_id);
}

/** Which of the event's questions each of the given people voted for. */
export async function listVotesOf(
  db: Queryable,
  eventId: string,
  registrationIds: readonly string[],
): Promise<Array<{ questionId: string; registrationId: string }>> {
  if (registrationIds.length === 0) return [];
  const { rows } = await db.query<{ question_id: string; registration_id: string }>(
    `select v.question_id, v.registration_id from question_votes v join questions q on q.id = v.question_id
     where q.event_id = $1 and v.registration_id = any($2::uuid[])`,
    [eventId, [...registrationIds]],
  );
  return rows.map((r) => ({ questionId: r.question_id, registrationId: r.registration_id }));
}
