import type { Queryable } from '../database.ts';

export interface ApiTokenRow {
  id: string;
  organisationId: string;
  organisationSlug: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const select = `select t.id, t.organisation_id as "organisationId", o.slug as "organisationSlug", t.name,
  t.created_at as "createdAt", t.last_used_at as "lastUsedAt", t.revoked_at as "revokedAt"
  from api_tokens t join organisations o on o.id = t.organisation_id`;

/** Only the token's SHA-256 is stored; the token itself is shown once, when it is made. */
export async function insertApiToken(
  db: Queryable,
  input: { organisationId: string; name: string; tokenHash: string },
): Promise<ApiTokenRow> {
  const { rows } = await db.query<{ id: string }>(
    'insert into api_tokens (organisation_id, name, token_hash) values ($1, $2, $3) returning id',
    [input.organisationId, input.name, input.tokenHash],
  );
  const { rows: found } = await db.query<ApiTokenRow>(`${select} where t.id = $1`, [rows[0]!.id]);
  return found[0]!;
}

/** The token with this hash unless it has been revoked; records that it was used. */
export async function findActiveApiToken(db: Queryable, tokenHash: string): Promise<ApiTokenRow | null> {
  const { rows } = await db.query<{ id: string }>(
    `update api_tokens set last_used_at = now() where token_hash = $1 and revoked_at is null returning id`,
    [tokenHash],
  );
  if (!rows[0]) return null;
  const { rows: found } = await db.query<ApiTokenRow>(`${select} where t.id = $1`, [rows[0].id]);
  return found[0] ?? null;
}

export async function listApiTokens(db: Queryable, organisationId: string): Promise<ApiTokenRow[]> {
  const { rows } = await db.query<ApiTokenRow>(
    `${select} where t.organisation_id = $1 order by t.created_at, t.id`,
    [organisationId],
  );
  return rows;
}

/** Revokes the token; false when there is no such token or it was revoked before. */
export async function revokeApiToken(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    'update api_tokens set revoked_at = now() where id = $1 and revoked_at is null returning id',
    [id],
  );
  return rows.length > 0;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` names an API token that has been revoked (an organiser account's id names none). */
export async function isRevokedApiToken(db: Queryable, id: string): Promise<boolean> {
  if (!uuid.test(id)) return false;
  const { rows } = await db.query('select 1 from api_tokens where id = $1 and revoked_at is not null', [id]);
  return rows.length > 0;
}

/** Revokes the organisation's token; false when it has no such token or it was revoked before. */
export async function revokeOrganisationApiToken(
  db: Queryable,
  input: { organisationId: string; id: string },
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `update api_tokens set revoked_at = now()
     where id = $1 and organisation_id = $2 and revoked_at is null returning id`,
    [input.id, input.organisationId],
  );
  return rows.length > 0;
}
