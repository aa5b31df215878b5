import type { Progress, RecordingPublication, RecordingState } from '@folkemote/domain';
import { assertTransition } from '@folkemote/domain';
import type { Queryable } from '../database.ts';

export interface RecordingRow {
  id: string;
  /** Whose organisers see and act on it; null only for an upload without an event from before owners were kept. */
  organisationId: string | null;
  eventId: string | null;
  eventSlug: string | null;
  eventTitle: string | null;
  /** Whether the event's page is public (published or cancelled); null without an event. */
  eventPublic: boolean | null;
  title: string;
  state: RecordingState;
  /** Whether organisers let it onto the public site (see RecordingPublication); apart from `state`. */
  publication: RecordingPublication;
  /** Whether its event publishes recordings without a review; null without an event. */
  eventAutoPublish: boolean | null;
  /** The current version's master playlist (relative to the version's prefix); null before one is made. */
  versionMaster: string | null;
  failureReason: string | null;
  sourceKey: string;
  sourceBytes: number | null;
  probe: unknown;
  durationSeconds: number | null;
  progress: Progress | null;
  publishedVersionId: string | null;
  publishedAt: Date | null;
  /** When the recorded media starts (live recordings); null for uploads. */
  sourceStartedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const select = `select r.id, r.organisation_id as "organisationId", r.event_id as "eventId", e.slug as "eventSlug",
  e.title as "eventTitle", case when e.id is null then null else e.status <> 'draft' end as "eventPublic", r.title,
  r.state, r.publication, e.auto_publish as "eventAutoPublish", v.manifest->>'master' as "versionMaster", r.failure_reason as "failureReason", r.source_key as "sourceKey", r.source_bytes as "sourceBytes",
  r.probe, r.duration_seconds as "durationSeconds", r.progress, r.published_version_id as "publishedVersionId",
  r.published_at as "publishedAt", r.source_started_at as "sourceStartedAt", r.created_at as "createdAt", r.updated_at as "updatedAt"
  from recordings r left join events e on e.id = r.event_id
  left join recording_versions v on v.id = r.published_version_id`;

/**
 * Who a new recording belongs to: an event (and so the event's organisation), or, for an upload
 * without one, an organisation.
 */
export type RecordingOwner =
  | { eventId: string; organisationId?: never }
  | { eventId: null; organisationId: string };

export async function insertRecording(
  db: Queryable,
  input: RecordingOwner & {
    id?: string;
    title: string;
    sourceKey: string;
    sourceBytes: number | null;
    sourceStartedAt?: Date | null;
    /** Published by whoever brings it in; otherwise public only where the event publishes automatically. */
    publication?: RecordingPublication;
  },
): Promise<RecordingRow> {
  const { rows } = await db.query<{ id: string }>(
    `insert into recordings (id, event_id, organisation_id, title, source_key, source_bytes, progress, source_started_at,
       publication)
     values (coalesce($1::uuid, gen_random_uuid()), $2::uuid,
       coalesce($8::uuid, (select organisation_id from events where id = $2::uuid)), $3, $4, $5, $6, $7,
       coalesce($9::text, case when (select auto_publish from events where id = $2::uuid) then 'public' else 'held' end))
     returning id`,
    [
      input.id ?? null,
      input.eventId,
      input.title,
      input.sourceKey,
      input.sourceBytes,
      JSON.stringify({ stage: 'queued', percent: 0, etaSeconds: null }),
      input.sourceStartedAt ?? null,
      input.organisationId ?? null,
      input.publication ?? null,
    ],
  );
  return (await findRecording(db, rows[0]!.id))!;
}

export async function findRecording(db: Queryable, id: string): Promise<RecordingRow | null> {
  const { rows } = await db.query<RecordingRow>(`${select} where r.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Recordings, newest first: every one, or those of one organisation, or those in the given states. */
export async function listRecordings(
  db: Queryable,
  filter: { organisationId?: string; states?: readonly RecordingState[] } = {},
): Promise<RecordingRow[]> {
  const { rows } = await db.query<RecordingRow>(
    `${select} where ($1::uuid is null or r.organisation_id = $1::uuid)
       and ($2::text[] is null or r.state = any($2::text[]))
     order by r.created_at desc, r.id`,
    [filter.organisationId ?? null, filter.states ?? null],
  );
  return rows;
}

export async function listRecordingsInState(
  db: Queryable,
  states: RecordingState[],
): Promise<RecordingRow[]> {
  const { rows } = await db.query<RecordingRow>(
    `${select} where r.state = any($1::text[]) order by r.created_at`,
    [states],
  );
  return rows;
}

export class StaleStateError extends Error {
  constructor(id: string, expected: RecordingState) {
    super(`Recording ${id} is no longer ${expected}`);
    this.name = 'StaleStateError';
  }
}

/**
 * Moves a recording along the state machine, only if it is still in `from`:
 * two workers racing on the same recording cannot both move it.
 */
export async function transitionRecording(
  db: Queryable,
  id: string,
  from: RecordingState,
  to: RecordingState,
  patch: { failureReason?: string | null; progress?: Progress | null } = {},
): Promise<void> {
  assertTransition(from, to);
  const { rows } = await db.query(
    `update recordings set state = $3,
       failure_reason = case when $3 = 'failed' then $4 else null end,
       progress = coalesce($5::jsonb, progress),
       published_at = case when $3 in ('quick_published', 'published') then coalesce(published_at, now()) else published_at end,
       updated_at = now()
     where id = $1 and state = $2 returning id`,
    [id, from, to, patch.failureReason ?? null, patch.progress ? JSON.stringify(patch.progress) : null],
  );
  if (rows.length === 0) throw new StaleStateError(id, from);
}

export async function updateRecordingProgress(db: Queryable, id: string, progress: Progress): Promise<void> {
  await db.query('update recordings set progress = $2, updated_at = now() where id = $1', [
    id,
    JSON.stringify(progress),
  ]);
}

export async function saveRecordingProbe(
  db: Queryable,
  id: string,
  probe: unknown,
  durationSeconds: number,
): Promise<void> {
  await db.query(
    'update recordings set probe = $2, duration_seconds = $3, updated_at = now() where id = $1',
    [id, JSON.stringify(probe), durationSeconds],
  );
}
