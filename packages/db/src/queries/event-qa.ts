import type { QaSettings, QaSettingsPatch, QuestionSort } from '@folkemote/domain';
import { defaultQaSettings } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { isoOrNull } from './timestamps.ts';

interface Row {
  pre_moderation: boolean;
  questions_at_end: boolean;
  qa_started_at: Date | null;
  default_sort: QuestionSort;
  questions_before_start: boolean;
  last_seq: number | string;
}

export interface EventQaState {
  settings: QaSettings;
  /** The number of the event's latest change; 0 before the first. */
  lastSeq: number;
}

function toState(r: Row | undefined): EventQaState {
  if (!r) return { settings: defaultQaSettings, lastSeq: 0 };
  return {
    settings: {
      preModeration: r.pre_moderation,
      questionsAtEnd: r.questions_at_end,
      qaStarted: r.qa_started_at !== null,
      qaStartedAt: isoOrNull(r.qa_started_at),
      questionsBeforeStart: r.questions_before_start,
      sort: r.default_sort,
    },
    lastSeq: Number(r.last_seq),
  };
}

const columns =
  'pre_moderation, questions_at_end, qa_started_at, default_sort, questions_before_start, last_seq';

/** The event's Q&A settings and latest change number (the defaults before anything happened). */
export async function findEventQa(db: Queryable, eventId: string): Promise<EventQaState> {
  const { rows } = await db.query<Row>(`select ${columns} from event_qa where event_id = $1`, [eventId]);
  return toState(rows[0]);
}

/**
 * Takes the event's Q&A row for the rest of the transaction: every change of
 * the event waits here for the one before it to commit, which is what numbers
 * changes without gaps and in commit order.
 */
export async function lockEventQa(tx: Queryable, eventId: string): Promise<EventQaState> {
  // One round trip: the upsert creates the row on first use and locks it either way.
  const { rows } = await tx.query<Row>(
    `insert into event_qa (event_id) values ($1)
     on conflict (event_id) do update set event_id = excluded.event_id returning ${columns}`,
    [eventId],
  );
  return toState(rows[0]);
}

/** Saves the settings a patch changes; a started Q&A keeps its first start time. */
export async function updateEventQaSettings(
  tx: Queryable,
  eventId: string,
  patch: QaSettingsPatch,
  now: Date,
): Promise<void> {
  await tx.query(
    `update event_qa set
       pre_moderation = coalesce($2, pre_moderation),
       questions_at_end = coalesce($3, questions_at_end),
       qa_started_at = case when $4::boolean is null then qa_started_at
                            when $4::boolean then coalesce(qa_started_at, $6::timestamptz)
                            else null end,
       default_sort = coalesce($5, default_sort),
       questions_before_start = coalesce($7, questions_before_start),
       updated_at = $6
     where event_id = $1`,
    [
      eventId,
      patch.preModeration ?? null,
      patch.questionsAtEnd ?? null,
      patch.qaStarted ?? null,
      patch.sort ?? null,
      now,
      patch.questionsBeforeStart ?? null,
    ],
  );
}
