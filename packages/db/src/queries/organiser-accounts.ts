import type { Queryable } from '../database.ts';

export interface OrganiserAccountRow {
  id: string;
  organisationId: string;
  organisationSlug: string;
  organisationName: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  createdAt: Date;
}

const select = `select a.id, a.organisation_id as "organisationId", o.slug as "organisationSlug",
  o.name as "organisationName", a.email, a.display_name as "displayName", a.password_hash as "passwordHash",
  a.oidc_issuer as "oidcIssuer", a.oidc_subject as "oidcSubject", a.created_at as "createdAt"
  from organiser_accounts a join organisations o on o.id = a.organisation_id`;

export class DuplicateAccountError extends Error {
  constructor() {
    super('An organiser account with that e-mail address exists already');
    this.name = 'DuplicateAccountError';
  }
}

/** Adds an account to the organisation; throws DuplicateAccountError when the e-mail is taken. */
export async function insertOrganiserAccount(
  db: Queryable,
  input: { organisationId: string; email: string; displayName: string; passwordHash: string | null },
): Promise<OrganiserAccountRow> {
  const existing = await findOrganiserAccountByEmail(db, input.email);
  if (existing) throw new DuplicateAccountError();
  const { rows } = await db.query<{ id: string }>(
    `insert into organiser_accounts (organisation_id, email, display_name, password_hash)
     values ($1, $2, $3, $4) returning id`,
    [input.organisationId, input.email.trim(), input.displayName, input.passwordHash],
  );
  return (await findOrganiserAccountById(db, rows[0]!.id))!;
}

export async function findOrganiserAccountById(
  db: Queryable,
  id: string,
): Promise<OrganiserAccountRow | null> {
  const { rows } = await db.query<OrganiserAccountRow>(`${select} where a.id = $1`, [id]);
  return rows[0] ?? null;
}

/** E-mail addresses are compared without regard to case, as mail servers do in practice. */
export async function findOrganiserAccountByEmail(
  db: Queryable,
  email: string,
): Promise<OrganiserAccountRow | null> {
  const { rows } = await db.query<OrganiserAccountRow>(`${select} where lower(a.email) = lower($1)`, [
    email.trim(),
  ]);
  return rows[0] ?? null;
}

export async function findOrganiserAccountByOidcSubject(
  db: Queryable,
  issuer: string,
  subject: string,
): Promise<OrganiserAccountRow | null> {
  const { rows } = await db.query<OrganiserAccountRow>(
    `${select} where a.oidc_issuer = $1 and a.oidc_subject = $2`,
    [issuer, subject],
  );
  return rows[0] ?? null;
}

/** Remembers the provider's subject, so a later change of e-mail at the provider keeps the account. */
export async function linkOrganiserAccountOidc(
  db: Queryable,
  id: string,
  issuer: string,
  subject: string,
): Promise<void> {
  await db.query(
    'update organiser_accounts set oidc_issuer = $2, oidc_subject = $3, updated_at = now() where id = $1',
    [id, issuer, subject],
  );
}

export async function updateOrganiserAccountPassword(
  db: Queryable,
  id: string,
  passwordHash: string,
): Promise<void> {
  await db.query('update organiser_accounts set password_hash = $2, updated_at = now() where id = $1', [
    id,
    passwordHash,
  ]);
}

/** Whether the account administers the installation (the job view); false for an unknown id. */
export async function isOrganiserAdmin(db: Queryable, accountId: string): Promise<boolean> {
  const { rows } = await db.query<{ isAdmin: boolean }>(
    'select is_admin as "isAdmin" from organiser_accounts where id = $1',
    [accountId],
  );
  return rows[0]?.isAdmin === true;
}

/** Makes the account with that e-mail address an administrator, or no longer one; null when there is none. */
export async function setOrganiserAdmin(
  db: Queryable,
  email: string,
  admin: boolean,
): Promise<OrganiserAccountRow | null> {
  const { rows } = await db.query<{ id: string }>(
    'update organiser_accounts set is_admin = $2, updated_at = now() where lower(email) = lower($1) returning id',
    [email.trim(), admin],
  );
  return rows[0] ? findOrganiserAccountById(db, rows[0].id) : null;
}
