import pg from 'pg';
import type { Database } from './database.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';

// Return timestamps and bigints as the same JS values PGlite returns.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openPostgresDatabase(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    async query(sql, params) {
      const result = await pool.query(sql, params ? [...params] : undefined);
      return { rows: result.rows };
    },
    async transaction(fn) {
      const client = await pool.connect();
      // A connection the server ends while it is checked out (a restart, a failover) reports it
      // here, and with no listener that would end the process. Its query fails as well; the
      // connection is then destroyed rather than handed back to the pool.
      let lost: Error | undefined;
      const onLost = (err: Error) => {
        lost = err;
      };
      client.on('error', onLost);
      try {
        await client.query('begin');
        const value = await fn({
          async query(sql, params) {
            const result = await client.query(sql, params ? [...params] : undefined);
            return { rows: result.rows };
          },
        });
        await client.query('commit');
        return value;
      } catch (err) {
        if (!lost && isDatabaseUnavailable(err)) lost = err as Error;
        if (!lost) await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.off('error', onLost);
        client.release(lost);
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}
