import type { Queryable } from '../database.ts';

/** The rights behind a batch of open event streams, to be checked again. */
export interface StreamGrantCheck {
  registrationIds: string[];
  staffIds: string[];
  /** SHA-256 of organiser session ids. */
  sessionHashes: string[];
  apiTokenIds: string[];
  eventIds: string[];
  /** Identities with a room stream open, looked up in `eventIds`. */
  roomIdentities: string[];
}

/** What of a StreamGrantCheck no longer holds. */
export interface WithdrawnStreamGrants {
  /** Registrations no longer confirmed (cancelled) or gone (deleted). */
  registrationIds: Set<string>;
  /** Staff links revoked or gone. */
  staffIds: Set<string>;
  /** Sessions ended or expired. */
  sessionHashes: Set<string>;
  apiTokenIds: Set<string>;
  /** Events cancelled or gone. */
  eventIds: Set<string>;
  /** `eventId identity` of everyone removed from an event's room. */
  removedFromRoom: Set<string>;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a batch of stream rights in one round trip: every id asked about that
 * no longer grants anything comes back. An id that is not a uuid grants nothing.
 */
export async function findWithdrawnStreamGrants(
  db: Queryable,
  check: StreamGrantCheck,
): Promise<WithdrawnStreamGrants> {
  const withdrawn: WithdrawnStreamGrants = {
    registrationIds: new Set(check.registrationIds.filter((id) => !uuid.test(id))),
    staffIds: new Set(check.staffIds.filter((id) => !uuid.test(id))),
    sessionHashes: new Set(),
    apiTokenIds: new Set(check.apiTokenIds.filter((id) => !uuid.test(id))),
    eventIds: new Set(check.eventIds.filter((id) => !uuid.test(id))),
    removedFromRoom: new Set(),
  };
  const uuids = (ids: string[]) => [...new Set(ids.filter((id) => uuid.test(id)))];
  const { rows } = await db.query<{ kind: keyof WithdrawnStreamGrants; id: string }>(
    `select 'registrationIds' as kind, x.id::text as id from unnest($1::uuid[]) as x(id)
       where not exists (select 1 from registrations r where r.id = x.id and r.status = 'confirmed')
     union all
     select 'staffIds', x.id::text from unnest($2::uuid[]) as x(id)
       where not exists (select 1 from event_staff s where s.id = x.id and s.revoked_at is null)
     union all
     select 'sessionHashes', x.id from unnest($3::text[]) as x(id)
       where not exists (select 1 from organiser_sessions s where s.id_hash = x.id and s.expires_at > now())
     union all
     select 'apiTokenIds', x.id::text from unnest($4::uuid[]) as x(id)
       where not exists (select 1 from api_tokens t where t.id = x.id and t.revoked_at is null)
     union all
     select 'eventIds', x.id::text from unnest($5::uuid[]) as x(id)
       where not exists (select 1 from events e where e.id = x.id and e.status <> 'cancelled')
     union all
     select 'removedFromRoom', p.event_id::text || ' ' || p.identity from room_participants p
       where p.event_id = any($5::uuid[]) and p.identity = any($6::text[]) and p.removed_at is not null`,
    [
      uuids(check.registrationIds),
      uuids(check.staffIds),
      [...new Set(check.sessionHashes)],
      uuids(check.apiTokenIds),
      uuids(check.eventIds),
      [...new Set(check.roomIdentities)],
    ],
  );
  for (const row of rows) withdrawn[row.kind].add(row.id);
  return withdrawn;
}
