import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

export type DatabaseSettings = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  const db =
    settings.kind === 'postgres'
      ? await openPostgresDatabase(settings.url)
      : await openPgliteDatabase(settings.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
