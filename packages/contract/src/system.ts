import { z } from 'zod';

const check = z.object({ ok: z.boolean() });
/** What answers: the database, Redis and S3; `down` names what does not (and nothing more). */
export const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    down: z.array(z.enum(['database', 'redis', 's3'])),
    checks: z.object({ database: check, redis: check, s3: check }),
  })
  .meta({ id: 'Health' });

/** Where the public replay archive is. */
export const siteSchema = z.object({ archiveUrl: z.string() }).meta({ id: 'SiteInfo' });
export type SiteInfo = z.output<typeof siteSchema>;

/** The ways an organiser may sign in here. */
export const authOptionsSchema = z.object({ password: z.boolean(), oidc: z.boolean() });
