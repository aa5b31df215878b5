import { z } from 'zod';

/** A mail kept in the outbox when no SMTP server is configured. */
export const outboundEmailSchema = z
  .object({
    id: z.string(),
    eventId: z.string().nullable(),
    registrationId: z.string().nullable(),
    staffId: z.string().nullable(),
    passwordResetId: z.string().nullable(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    ics: z.string().nullable(),
    status: z.enum(['pending', 'sent', 'stored', 'failed']),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboundEmail' });
export type OutboundEmailView = z.output<typeof outboundEmailSchema>;

export const outboxSchema = z.object({ emails: z.array(outboundEmailSchema) }).meta({ id: 'Outbox' });

/** `?format=html` shows the outbox as a page. */
export const outboxQuery = z.object({ format: z.string().optional() });
