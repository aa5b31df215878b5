import { randomUUID } from 'node:crypto';
import { normaliseEmail, type RegistrationInput, type RegistrationStatus } from '@folkemote/domain';
import { issuePersonalLink, personalLinkUrl } from './join-token.ts';
import { type RegistrationArrival, submitToRegistrationBatch } from './registration-batches.ts';
import type { RegistrationDeps } from './registration-deps.ts';

export interface CreatedRegistration {
  id: string;
  status: Exclude<RegistrationStatus, 'cancelled'>;
  /**
   * The personal link, for a registration this request created only: it leads to
   * nothing but what the request itself sent. An address registered before gets
   * its link by e-mail instead, whether the registration is still active or was
   * cancelled and is taken back: whoever knows an address must not learn its link.
   */
  joinUrl: string | null;
  alreadyRegistered: boolean;
}

/**
 * Registers a person for a published event: confirmed while seats remain, then
 * waitlisted (or refused when the event has no waiting list). The same e-mail
 * address registering again gets the same registration and its link again, by
 * e-mail. After a cancellation it is taken back with what the new form holds
 * and a new link (by e-mail; the old one stops working).
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
  const link = await issuePersonalLink(deps.db);
  const outcome = await submitToRegistrationBatch(
    deps,
    eventSlug,
    {
      input,
      emailNormalised: normaliseEmail(input.email),
      now,
      newId: randomUUID(),
      link: { id: link.linkId, tokenHash: link.tokenHash },
    },
    arrival,
  );
  if (!outcome.ok) throw outcome.error;
  return {
    id: outcome.id,
    status: outcome.status,
    joinUrl: outcome.created ? personalLinkUrl(deps.publicAppUrl, link.token) : null,
    alreadyRegistered: !outcome.created && !outcome.reactivated,
  };
}
