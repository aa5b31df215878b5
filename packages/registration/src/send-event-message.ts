import { insertEventMessage, listActiveRegistrationIds } from '@folkemote/db';
import { z } from 'zod';
import type { RegistrationDeps } from './registration-deps.ts';

export const eventMessageInputSchema = z.object({
  subject: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  body: z.string().trim().min(1, 'is required').max(10_000, 'must be at most 10000 characters'),
});
export type EventMessageInput = z.infer<typeof eventMessageInputSchema>;

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
