import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/** PGlite keeps one connection; its transaction() serialises writers, which is what we want. */
export async function openPgliteDatabase(dataDir: string | null): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const run: Queryable['query'] = async (sql, params) => {
    const result = await pg.query(sql, params ? [...params] : undefined);
    return { rows: result.rows as never[] };
  };
  return {
    kind: 'pglite',
    query: run,
    async transaction(fn) {
      return pg.transaction(async (tx) =>
        fn({
          async query(sql, params) {
            const result = await tx.query(sql, params ? [...params] : undefined);
            return { rows: result.rows as never[] };
          },
        }),
      );
    },
    async ping() {
      await pg.query('select 1');
    },
    async close() {
      await pg.close();
    },
  };
}
