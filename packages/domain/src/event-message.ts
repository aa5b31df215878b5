import { z } from 'zod';

/** An organiser's message to everyone confirmed or waiting for an event. */
export const eventMessageInputSchema = z.object({
  subject: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  body: z.string().trim().min(1, 'is required').max(10_000, 'must be at most 10000 characters'),
});
export type EventMessageInput = z.infer<typeof eventMessageInputSchema>;
