import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';
import { lockPgliteDir } from './pglite-lock.ts';

/** An open PGlite and the Database around it; the directory's lock is held until `db.close()`. */
export interface OpenPglite {
  pg: PGlite;
  db: Database;
}

/**
 * Opens PGlite in `dataDir` (in memory when null). A directory is locked first, so a second
 * process that tries to open it is refused (PgliteInUseError) instead of corrupting it.
 */
export async function openPglite(dataDir: string | null): Promise<OpenPglite> {
  let unlock: (() => Promise<void>) | null = null;
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockPgliteDir(dataDir);
  }
  let pg: PGlite;
  try {
    pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  } catch (err) {
    await unlock?.();
    throw err;
  }
  return { pg, db: pgliteDatabase(pg, unlock) };
}

/** PGlite keeps one connection; its transaction() serialises writers, which is what we want. */
export async function openPgliteDatabase(dataDir: string | null): Promise<Database> {
  return (await openPglite(dataDir)).db;
}

function pgliteDatabase(pg: PGlite, unlock: (() => Promise<void>) | null): Database {
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
      try {
        await pg.close();
      } finally {
        await unlock?.();
      }
    },
  };
}
