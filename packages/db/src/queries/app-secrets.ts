import { randomBytes } from 'node:crypto';
import type { Queryable } from '../database.ts';

/** The named secret, made (32 random bytes) by whichever process asks first. */
export async function ensureAppSecret(db: Queryable, name: string): Promise<string> {
  await db.query('insert into app_secrets (name, value) values ($1, $2) on conflict (name) do nothing', [
    name,
    randomBytes(32).toString('base64url'),
  ]);
  const { rows } = await db.query<{ value: string }>('select value from app_secrets where name = $1', [name]);
  return rows[0]!.value;
}
