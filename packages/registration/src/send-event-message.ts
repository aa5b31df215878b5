import { insertEventMessage, listActiveRegistrationIds } from '@folkemote/db';
import type { EventMessageInput } from '@folkemote/domain';
import type { RegistrationDeps } from './registration-deps.ts';

export { type EventMessageInput, eventMessageInputSchema } from '@folkemote/domain';

/** An organiser's message to everyone confirmed or waiting: kept once, sent by one job per registrant. */
export async function sendEventMessage(
  deps: RegistrationDeps,
  eventId: string,
  input: EventMessageInput,
): Promise<{ messageId: string; recipients: number }> {
  const messageId = await insertEventMessage(deps.db, { eventId, ...input });
  const ids = await listActiveRegistrationIds(deps.db, eventId);
  for (const registrationId of ids)
    await deps.queues.enqueue('registration.email', { registrationId, kind: 'message', messageId });
  return { messageId, recipients: ids.length };
}
