import type {
  PollRecord,
  QaSettings,
  QuestionChangeKind,
  QuestionRecord,
  QuestionStatus,
} from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoTimestamp } from './timestamps.ts';

/** Who made a change. Registrants' names are never stored with it. */
export interface ChangeActor {
  kind: 'registration' | 'staff' | 'organiser';
  id: string;
  role: string;
  /** Staff and organisers only. */
  name: string | null;
}

export interface NewQuestionChange {
  kind: QuestionChangeKind;
  /** The question after the change; null for a change of the settings and for a deleted question. */
  question: QuestionRecord | null;
  fromStatus?: QuestionStatus | null;
  settings?: QaSettings;
  /** A question deleted with its asker's data (kind `deleted`): its id is all the change keeps. */
  deletedQuestionId?: string;
  /** Kinds `poll` and `poll_answered`: the poll after the change (counts, never who answered). */
  poll?: PollRecord;
}

export interface QuestionChange {
  seq: number;
  eventId: string;
  kind: QuestionChangeKind;
  questionId: string | null;
  fromStatus: QuestionStatus | null;
  /** The question as it was right after this change, with the asker's name as it is now. */
  question: QuestionRecord | null;
  settings: QaSettings | null;
  /** Kind `deleted`: the id of the question that is gone (`fromStatus` is where it was). */
  deletedQuestionId: string | null;
  /** Kinds `poll` and `poll_answered`: the poll right after the change. */
  poll: PollRecord | null;
  actor: ChangeActor;
  createdAt: string;
}

/**
 * Appends changes numbered after the event's last one and returns the last
 * number used. The counter is moved in the same statement, which takes the
 * event's Q&A row until the commit: changes of one event are numbered without
 * gaps and in commit order, and the row is held only from here to the commit.
 * Snapshots carry no names, and a deleted question's carries its id only.
 */
export async function appendQuestionChanges(
  tx: Queryable,
  eventId: string,
  actor: ChangeActor,
  changes: readonly NewQuestionChange[],
  now: Date,
): Promise<number> {
  if (changes.length === 0) throw new Error('No changes to append');
  const params: unknown[] = [
    eventId,
    changes.length,
    actor.kind,
    actor.id,
    actor.role,
    actor.kind === 'registration' ? null : actor.name,
    now,
  ];
  const values = changes.map((change, i) => {
    const snapshot = change.question
      ? { ...change.question, authorName: null }
      : change.deletedQuestionId
        ? { id: change.deletedQuestionId }
        : (change.poll ?? change.settings);
    params.push(
      i + 1,
      change.question?.id ?? null,
      change.kind,
      change.fromStatus ?? null,
      JSON.stringify(snapshot),
    );
    const p = params.length;
    return `($${p - 4}::int, $${p - 3}::uuid, $${p - 2}::text, $${p - 1}::text, $${p}::jsonb)`;
  });
  const { rows } = await tx.query<{ seq: number | string }>(
    `with counter as (
       insert into event_qa (event_id, last_seq) values ($1, $2) on conflict (event_id)
       do update set last_seq = event_qa.last_seq + $2 returning last_seq
     )
     insert into question_changes (event_id, seq, question_id, kind, from_status, snapshot, actor_kind,
       actor_id, actor_role, actor_name, created_at)
     select $1, counter.last_seq - $2 + v.ord, v.question_id, v.kind, v.from_status, v.snapshot, $3, $4, $5, $6, $7
     from counter, (values ${values.join(', ')}) as v(ord, question_id, kind, from_status, snapshot)
     returning seq`,
    params,
  );
  return Math.max(...rows.map((r) => Number(r.seq)));
}

interface Row {
  seq: number | string;
  event_id: string;
  kind: QuestionChangeKind;
  question_id: string | null;
  from_status: QuestionStatus | null;
  snapshot: Record<string, unknown>;
  actor_kind: ChangeActor['kind'];
  actor_id: string;
  actor_role: string;
  actor_name: string | null;
  author_name: string | null;
  created_at: Date;
}

function toChange(r: Row): QuestionChange {
  const isQuestion = r.question_id !== null;
  return {
    seq: Number(r.seq),
    eventId: r.event_id,
    kind: r.kind,
    questionId: r.question_id,
    fromStatus: r.from_status,
    question: isQuestion ? ({ ...r.snapshot, authorName: r.author_name } as unknown as QuestionRecord) : null,
    settings: r.kind === 'settings' ? (r.snapshot as unknown as QaSettings) : null,
    deletedQuestionId: r.kind === 'deleted' ? String(r.snapshot.id) : null,
    poll: r.kind === 'poll' || r.kind === 'poll_answered' ? (r.snapshot as unknown as PollRecord) : null,
    actor: { kind: r.actor_kind, id: r.actor_id, role: r.actor_role, name: r.actor_name },
    createdAt: isoTimestamp(r.created_at),
  };
}

const columns = `c.seq, c.event_id, c.kind, c.question_id, c.from_status, c.snapshot, c.actor_kind, c.actor_id,
  c.actor_role, r.name as author_name, c.created_at`;
const from = `from question_changes c
  left join questions q on q.id = c.question_id
  left join registrations r on r.id = q.registration_id`;

/** The event's changes numbered after `afterSeq` (and up to `uptoSeq`), in order. */
export async function listQuestionChangesAfter(
  db: Queryable,
  eventId: string,
  afterSeq: number,
  options: { uptoSeq?: number; limit?: number } = {},
): Promise<QuestionChange[]> {
  const { rows } = await db.query<Row>(
    `select ${columns}, c.actor_name ${from}
     where c.event_id = $1 and c.seq > $2 and ($3::bigint is null or c.seq <= $3::bigint)
     order by c.seq limit $4`,
    [eventId, afterSeq, options.uptoSeq ?? null, options.limit ?? 1000],
  );
  return rows.map(toChange);
}

/** The audit log: every change but votes, newest first. */
export async function listQuestionAudit(
  db: Queryable,
  eventId: string,
  options: { beforeSeq?: number; limit?: number } = {},
): Promise<QuestionChange[]> {
  const { rows } = await db.query<Row>(
    `select ${columns}, coalesce(c.actor_name, ra.name) as actor_name ${from}
     left join registrations ra on c.actor_kind = 'registration' and ra.id = c.actor_id::uuid
     where c.event_id = $1 and c.kind not in ('voted', 'unvoted', 'poll_answered')
       and ($2::bigint is null or c.seq < $2::bigint)
     order by c.seq desc limit $3`,
    [eventId, options.beforeSeq ?? null, options.limit ?? 500],
  );
  return rows.map(toChange);
}
