import { findOrganisationBySlug, insertOrganiserAccount, type Queryable } from '@folkemote/db';
import { z } from 'zod';
import { generatePassword, hashPassword } from './password-hash.ts';

export const organiserAccountInputSchema = z.object({
  organisationSlug: z.string().min(1, 'give the organisation (--org)'),
  email: z.email('must be an e-mail address').max(320),
  displayName: z.string().trim().min(1, 'give a name (--name)').max(200),
  /** Omitted: one is generated and returned once. */
  password: z.string().min(12, 'a password must be at least 12 characters').max(1024).optional(),
});

export class UnknownOrganisationError extends Error {
  constructor(slug: string) {
    super(`No organisation with slug "${slug}"`);
    this.name = 'UnknownOrganisationError';
  }
}

/** Adds a local organiser account; the password (given or generated) is returned so it can be shown once. */
export async function createOrganiserAccount(
  db: Queryable,
  input: z.input<typeof organiserAccountInputSchema>,
): Promise<{ accountId: string; email: string; password: string }> {
  const parsed = organiserAccountInputSchema.parse(input);
  const organisation = await findOrganisationBySlug(db, parsed.organisationSlug);
  if (!organisation) throw new UnknownOrganisationError(parsed.organisationSlug);
  const password = parsed.password ?? generatePassword();
  const account = await insertOrganiserAccount(db, {
    organisationId: organisation.id,
    email: parsed.email,
    displayName: parsed.displayName,
    passwordHash: await hashPassword(password),
  });
  return { accountId: account.id, email: account.email, password };
}
