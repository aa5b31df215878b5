import { createHmac } from 'node:crypto';
import type { Queryable } from '@folkemote/db';
import { describe, expect, it } from 'vitest';
import { derivedToken } from './derived-token.ts';

/** An app_secrets table in memory that counts the statements it is sent. */
function secretsTable(): Queryable & { statements: number; failNext: boolean } {
  const values = new Map<string, string>();
  const table = {
    statements: 0,
    failNext: false,
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      table.statements += 1;
      if (table.failNext) {
        table.failNext = false;
        throw new Error('connection refused');
      }
      const [name, value] = params as string[];
      if (sql.startsWith('insert')) {
        if (!values.has(name!)) values.set(name!, value!);
        return { rows: [] as Row[] };
      }
      return { rows: [{ value: values.get(name!) }] as Row[] };
    },
  };
  return table;
}

const hmac = (secret: string, message: string) =>
  createHmac('sha256', secret).update(message).digest('base64url');

describe('derivedToken', () => {
  it('derives each purpose with its own secret, mark and prefix', async () => {
    const db = secretsTable();
    const join = await derivedToken('join', db, 'link-1');
    const staff = await derivedToken('staff', db, 'staff-1');
    const reset = await derivedToken('reset', db, 'reset-1');
    const secret = async (name: string) =>
      (await db.query<{ value: string }>('select', [name])).rows[0]!.value;
    expect(join).toBe(hmac(await secret('personal-link'), 'join:link-1'));
    expect(staff).toBe(`fmp_${hmac(await secret('staff-link'), 'staff:staff-1')}`);
    expect(reset).toBe(`fmr_${hmac(await secret('password-reset'), 'reset:reset-1')}`);
    expect(join).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(staff).toMatch(/^fmp_[A-Za-z0-9_-]{43}$/);
  });

  it('reads each secret from the database once, and again after a failed read', async () => {
    const db = secretsTable();
    const first = await derivedToken('staff', db, 'a');
    const afterFirst = db.statements;
    expect(await derivedToken('staff', db, 'a')).toBe(first);
    await derivedToken('staff', db, 'b');
    expect(db.statements).toBe(afterFirst);

    const other = secretsTable();
    other.failNext = true;
    await expect(derivedToken('reset', other, 'x')).rejects.toThrow('connection refused');
    await expect(derivedToken('reset', other, 'x')).resolves.toMatch(/^fmr_/);
  });
});
