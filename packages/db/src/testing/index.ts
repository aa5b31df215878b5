import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../database.ts';
import { openDatabase } from '../open-database.ts';

/** The server the PostgreSQL variants of the tests use; a throwaway database is made on it per test file. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function isPostgresReachable(url = testPostgresUrl): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestDatabase {
  db: Database;
  /** For a second process (e.g. a worker under test); null for PGlite, which is in-process. */
  url: string | null;
  drop(): Promise<void>;
}

/** A fresh, migrated PGlite in memory. */
export async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  return { db, url: null, drop: () => db.close() };
}

/** A fresh, migrated PostgreSQL database with a random name, dropped afterwards. */
export async function createPostgresTestDatabase(serverUrl = testPostgresUrl): Promise<TestDatabase> {
  const name = `folkemote_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * The database kinds a suite runs against: always PGlite, and PostgreSQL when a
 * server answers. A skipped PostgreSQL run is announced, never silent.
 */
export async function databaseKindsUnderTest(): Promise<Array<'pglite' | 'postgres'>> {
  if (await isPostgresReachable()) return ['pglite', 'postgres'];
  console.warn(`PostgreSQL at ${testPostgresUrl} does not answer: the PostgreSQL variants are skipped`);
  return ['pglite'];
}

export function createTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  return kind === 'pglite' ? createPgliteTestDatabase() : createPostgresTestDatabase();
}
