import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../src/index.ts';
import { createPostgresTestDatabase, isPostgresReachable } from '../src/testing/index.ts';

const postgres = await isPostgresReachable();
if (!postgres)
  console.warn('PostgreSQL does not answer on 127.0.0.1:5432: the lost-connection test is skipped');

// A restart or failover ends the server's sessions, including one in the middle of a transaction.
// The transaction fails with an error that says the database is away, and the process goes on.
describe.runIf(postgres)('a PostgreSQL connection lost inside a transaction', () => {
  it('rejects the transaction as unavailable, and the pool goes on with a new connection', async () => {
    const database = await createPostgresTestDatabase();
    try {
      const failure = await database.db
        .transaction(async (tx) => {
          await tx.query('select pg_terminate_backend(pg_backend_pid())');
          await tx.query('select 1');
        })
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(isDatabaseUnavailable(failure)).toBe(true);
      // The lost connection left the pool; the next transaction gets a working one.
      await new Promise((r) => setTimeout(r, 100));
      const { rows } = await database.db.transaction((tx) => tx.query<{ n: number }>('select 1 as n'));
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await database.drop();
    }
  });
});
