import type { Queryable } from '../database.ts';

export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
}

export async function upsertOrganisation(
  db: Queryable,
  input: { slug: string; name: string },
): Promise<OrganisationRow> {
  const { rows } = await db.query<OrganisationRow>(
    `insert into organisations (slug, name) values ($1, $2)
     on conflict (slug) do update set name = excluded.name
     returning id, slug, name`,
    [input.slug, input.name],
  );
  return rows[0]!;
}

export async function findOrganisationBySlug(db: Queryable, slug: string): Promise<OrganisationRow | null> {
  const { rows } = await db.query<OrganisationRow>(
    'select id, slug, name from organisations where slug = $1',
    [slug],
  );
  return rows[0] ?? null;
}

export async function listOrganisations(db: Queryable): Promise<OrganisationRow[]> {
  const { rows } = await db.query<OrganisationRow>('select id, slug, name from organisations order by slug');
  return rows;
}
