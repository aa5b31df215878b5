import { revokeOrganisationApiToken } from '@folkemote/db';
import type { ApiDeps } from '../api-deps.ts';
import { Refusal } from '../http-errors.ts';
import type { StreamAccess } from '../realtime/stream-access.ts';

/**
 * Revokes one of the organisation's API tokens and ends, on every API instance, the streams
 * opened with it: what `pnpm cli tokens revoke` does, scoped to the organiser's organisation.
 */
export async function revokeApiToken(
  deps: Pick<ApiDeps, 'db'> & { access: Pick<StreamAccess, 'withdraw'> },
  input: { organisationId: string; id: string },
): Promise<void> {
  if (!(await revokeOrganisationApiToken(deps.db, input)))
    throw new Refusal(404, 'token_not_found', 'No active API token with that id in your organisation');
  await deps.access.withdraw({ scope: 'grant', kind: 'api_token', id: input.id });
}
