import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consumePasswordReset,
  deleteAccountSessions,
  insertOrganiserAccount,
  insertOrganiserSession,
  insertPasswordReset,
  isPasswordResetUsable,
  retirePasswordResets,
  upsertOrganisation,
} from '../src/index.ts';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../src/testing/index.ts';

describe.each(await databaseKindsUnderTest())('password reset links on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('use a link once, not after it expires, and retire the account’s others', async () => {
    const organisation = await upsertOrganisation(t.db, { slug: 'somna-kommune', name: 'Sømna kommune' });
    const account = await insertOrganiserAccount(t.db, {
      organisationId: organisation.id,
      email: 'kari@somna.example.no',
      displayName: 'Kari',
      passwordHash: 'scrypt$x',
    });
    const inAnHour = new Date(Date.now() + 3600_000);
    const link = (tokenHash: string, expiresAt = inAnHour) =>
      insertPasswordReset(t.db, { id: randomUUID(), accountId: account.id, tokenHash, expiresAt });
    await link('first');
    await link('second');
    await link('expired', new Date(Date.now() - 1000));

    expect(await isPasswordResetUsable(t.db, 'expired')).toBe(false);
    expect(await consumePasswordReset(t.db, 'expired')).toBeNull();
    expect(await consumePasswordReset(t.db, 'unknown')).toBeNull();
    expect(await consumePasswordReset(t.db, 'first')).toBe(account.id);
    expect(await consumePasswordReset(t.db, 'first')).toBeNull();
    await retirePasswordResets(t.db, account.id);
    expect(await isPasswordResetUsable(t.db, 'second')).toBe(false);

    await insertOrganiserSession(t.db, { idHash: 'session-a', accountId: account.id, expiresAt: inAnHour });
    await insertOrganiserSession(t.db, { idHash: 'session-b', accountId: account.id, expiresAt: inAnHour });
    expect((await deleteAccountSessions(t.db, account.id)).sort()).toEqual(['session-a', 'session-b']);
    expect(await deleteAccountSessions(t.db, account.id)).toEqual([]);
  });
});
