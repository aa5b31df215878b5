import { type ApiTokenRow, findOrganisationBySlug, insertApiToken, type Queryable } from '@folkemote/db';
import { UnknownOrganisationError } from './create-organiser-account.ts';
import { createSecretToken, hashSecretToken } from './secret-token.ts';

/** Makes an API token for the organisation. The token is returned once; only its hash is kept. */
export async function createApiToken(
  db: Queryable,
  input: { organisationSlug: string; name: string },
): Promise<ApiTokenRow & { token: string }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) throw new RangeError('A token name must be 1 to 200 characters');
  const organisation = await findOrganisationBySlug(db, input.organisationSlug);
  if (!organisation) throw new UnknownOrganisationError(input.organisationSlug);
  const token = createSecretToken('fmt');
  const row = await insertApiToken(db, {
    organisationId: organisation.id,
    name,
    tokenHash: hashSecretToken(token),
  });
  return { ...row, token };
}
