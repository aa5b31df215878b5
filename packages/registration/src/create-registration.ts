import { randomUUID } from 'node:crypto';
import { normaliseEmail, type RegistrationInput, type RegistrationStatus } from '@folkemote/domain';
import { hashJoinToken, joinTokenFor, personalLinkUrl } from './join-token.ts';
import { type RegistrationArrival, submitToRegistrationBatch } from './registration-batches.ts';
import type { RegistrationDeps } from './registration-deps.ts';

export interface CreatedRegistration {
  id: string;
  status: Exclude<RegistrationStatus, 'cancelled'>;
  /**
   * The personal link, for a new registration only. A repeated registration gets
   * it by e-mail instead: whoever knows an address must not learn its link.
   */
  joinUrl: string | null;
  alreadyRegistered: boolean;
}

/**
 * Registers a person for a published event: confirmed while seats remain, then
 * waitlisted (or refused when the event has no waiting list). The same e-mail
 * address registering again gets the same registration and the link again.
 *
 * Registrations for the same event that arrive together are written together
 * (`submitToRegistrationBatch`), with their confirmation e-mails (and the
 * reminders of a new seat) in the outbox in the same commit. The outbox goes to
 * the job queue just after the answer, and should that fail, with the next pass
 * or the periodic sweep: an answered registration always gets its e-mail.
 * `arrival` is what `announceRegistration` gave when the request came in.
 */
export async function createRegistration(
  deps: RegistrationDeps,
  eventSlug: string,
  input: RegistrationInput,
  now = new Date(),
  arrival?: RegistrationArrival,
): Promise<CreatedRegistration> {
  const newId = randomUUID();
  const newToken = await joinTokenFor(deps.db, newId);
  const outcome = await submitToRegistrationBatch(
    deps,
    eventSlug,
    {
      input,
      emailNormalised: normaliseEmail(input.email),
      now,
      newId,
      newTokenHash: hashJoinToken(newToken),
    },
    arrival,
  );
  if (!outcome.ok) throw outcome.error;
  const token = outcome.created
    ? newToken
    : outcome.reactivated
      ? await joinTokenFor(deps.db, outcome.id)
      : null;
  return {
    id: outcome.id,
    status: outcome.status,
    joinUrl: token ? personalLinkUrl(deps.publicAppUrl, token) : null,
    alreadyRegistered: !outcome.created && !outcome.reactivated,
  };
}
