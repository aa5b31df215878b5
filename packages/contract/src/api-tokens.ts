import { z } from 'zod';

export const apiTokenInputSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  })
  .meta({ id: 'ApiToken', examples: [{ name: 'Fylkets CMS' }] });

/** What an organiser sees of a token: never the token, which is shown once when it is made. */
export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiTokenView' });
export type ApiToken = z.output<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });
/** A new token: the only answer that carries the token itself. */
export const newApiTokenSchema = apiTokenSchema.extend({ token: z.string() }).meta({ id: 'NewApiToken' });
