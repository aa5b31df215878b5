import { locales } from '@folkemote/domain';
import { z } from 'zod';

export const loginBodySchema = z
  .object({
    email: z.email('must be an e-mail address').max(320, 'must be at most 320 characters'),
    password: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
  })
  .meta({
    id: 'Login',
    examples: [{ email: 'arrangor@kommune.example.no', password: 'et langt og hemmelig passord' }],
  });

export const passwordResetRequestSchema = z
  .object({
    email: z.email('must be an e-mail address').max(320, 'must be at most 320 characters'),
    language: z.enum(locales).default('nb'),
  })
  .meta({
    id: 'PasswordResetRequest',
    examples: [{ email: 'arrangor@kommune.example.no', language: 'nn' }],
  });

export const passwordResetSchema = z
  .object({
    token: z.string().regex(/^fmr_[A-Za-z0-9_-]{43}$/, 'must be the token from a reset link'),
    password: z
      .string()
      .min(12, 'must be at least 12 characters')
      .max(1024, 'must be at most 1024 characters'),
  })
  .meta({
    id: 'PasswordReset',
    examples: [
      {
        token: 'fmr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        password: 'et nytt langt og hemmelig passord',
      },
    ],
  });

/** The signed-in organiser, with the CSRF token the session's changes carry. */
export const organiserSessionSchema = z
  .object({
    account: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
    organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    csrfToken: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'OrganiserSession' });
export type OrganiserSession = z.output<typeof organiserSessionSchema>;

export const passwordResetAcceptedSchema = z.object({ accepted: z.literal(true) });

/** `next`: where to go once signed in (a path on this site). */
export const oidcStartQuery = z.object({ next: z.string().optional() });
