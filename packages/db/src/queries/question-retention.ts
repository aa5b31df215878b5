import type { QuestionStatus } from '@folkemote/domain';
import type { Queryable } from '../database.ts';

/**
 * What becomes of questions when their askers' data goes: at the end of the
 * event's retention, and when a registrant deletes their own data.
 *
 * A question answered in public (answered, or highlighted: being answered) was
 * read out in the recording and may be a chapter of the replay, so it stays, in
 * the text a moderator let through and with no link to its asker. Every other
 * question is deleted; its votes and its changes go with it (foreign keys), and
 * it is added to `question_tallies`, so the event's Q&A figures stay as they were.
 */

/** Statuses of a question that was answered in public; these are kept. */
const answeredInPublic = `('answered', 'highlighted')`;

export interface DeletedQuestion {
  id: string;
  eventId: string;
  /** Where it was when it was deleted. */
  status: QuestionStatus;
}

/**
 * Deletes the questions the filter selects that were not answered in public,
 * and adds them to their event's tallies, in one statement. The rows it
 * touches — those questions, and the duplicates merged into them, which lose
 * their link — are taken first, in id order, as every change of questions takes them.
 */
async function deleteUnansweredQuestions(
  tx: Queryable,
  filter: string,
  param: string,
): Promise<DeletedQuestion[]> {
  await tx.query(
    `select id from questions
     where ${filter} or merged_into_id in (select id from questions where ${filter})
     order by id for update`,
    [param],
  );
  const { rows } = await tx.query<{ id: string; event_id: string; status: QuestionStatus }>(
    `with gone as (
       delete from questions where ${filter} and status not in ${answeredInPublic}
       returning id, event_id, status, vote_count, created_at
     ), tally as (
       insert into question_tallies (event_id, asked, answered, dismissed, merged, open, votes)
       select event_id, count(*), count(*) filter (where status = 'answered'),
         count(*) filter (where status = 'dismissed'), count(*) filter (where status = 'merged'),
         count(*) filter (where status in ('pending', 'live', 'highlighted')), coalesce(sum(vote_count), 0)
       from gone group by event_id
       on conflict (event_id) do update set asked = question_tallies.asked + excluded.asked,
         answered = question_tallies.answered + excluded.answered,
         dismissed = question_tallies.dismissed + excluded.dismissed,
         merged = question_tallies.merged + excluded.merged,
         open = question_tallies.open + excluded.open,
         votes = question_tallies.votes + excluded.votes, updated_at = now()
     )
     select id, event_id, status from gone order by created_at, id`,
    [param],
  );
  return rows.map((r) => ({ id: r.id, eventId: r.event_id, status: r.status }));
}

export interface QuestionRetentionOutcome {
  /** Questions deleted because they were never answered in public. */
  deletedQuestions: number;
  /** Rows of the change log deleted (besides those that went with their question). */
  deletedChanges: number;
}

/**
 * At the end of the event's retention, in the transaction that deletes its
 * registrants: deletes every question not answered in public, the whole change
 * log (it serves live viewers resuming and the audit during the event), the text
 * as asked of the questions kept, and every link from a question or a vote to a
 * registration. The vote counts stay on the questions.
 */
export async function deleteQuestionDataAtRetention(
  tx: Queryable,
  eventId: string,
): Promise<QuestionRetentionOutcome> {
  const deleted = await deleteUnansweredQuestions(tx, 'event_id = $1', eventId);
  const changes = await tx.query('delete from question_changes where event_id = $1 returning seq', [eventId]);
  await tx.query(
    `update questions set original_text = null, registration_id = null
     where event_id = $1 and (original_text is not null or registration_id is not null)`,
    [eventId],
  );
  await tx.query(
    `update question_votes set registration_id = null
     where registration_id is not null and question_id in (select id from questions where event_id = $1)`,
    [eventId],
  );
  return { deletedQuestions: deleted.length, deletedChanges: changes.rows.length };
}

/**
 * When a registrant deletes their own data, before their registration row goes:
 * deletes their questions not answered in public (returned in the order they
 * were asked, so the deletion can be announced), and removes the text as asked
 * from the ones kept — from the question and from every snapshot of it in the
 * change log, which keep the text a moderator let through.
 */
export async function deleteQuestionsOfRegistrant(
  tx: Queryable,
  registrationId: string,
): Promise<DeletedQuestion[]> {
  const deleted = await deleteUnansweredQuestions(tx, 'registration_id = $1', registrationId);
  await tx.query(
    `update question_changes c
     set snapshot = c.snapshot || jsonb_build_object('text', q.text, 'originalText', null)
     from questions q
     where c.question_id = q.id and q.registration_id = $1 and q.original_text is not null`,
    [registrationId],
  );
  await tx.query(
    'update questions set original_text = null where registration_id = $1 and original_text is not null',
    [registrationId],
  );
  return deleted;
}

/**
 * Events whose registrant data is deleted but whose Q&A still holds what the
 * retention removes (the registrant data went before questions were part of it).
 */
export async function listEventsWithQuestionDataAfterRetention(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select e.id from events e
     where e.registrant_data_deleted_at is not null
       and (exists (select 1 from question_changes c where c.event_id = e.id)
         or exists (select 1 from questions q where q.event_id = e.id
           and (q.status not in ${answeredInPublic} or q.original_text is not null or q.registration_id is not null)))
     order by e.id`,
  );
  return rows.map((r) => r.id);
}
