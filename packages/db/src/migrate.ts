import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database.ts';

const migrationsDir = new URL('./migrations/', import.meta.url);

/**
 * Applies every migration not yet applied, in file-name order, each in its own
 * transaction. An advisory lock keeps two processes starting at once from racing.
 * `through` stops after the named migration (a test of a later migration's backfill starts there).
 */
export async function migrate(db: Database, options: { through?: string } = {}): Promise<string[]> {
  const files = (await readdir(migrationsDir))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .filter((f) => options.through === undefined || f <= options.through);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(4201)');
    await tx.query(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const { rows } = await tx.query<{ name: string }>('select name from schema_migrations');
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(new URL(file, migrationsDir), 'utf8');
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (name) values ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}

/** Our migrations hold no functions or quoted semicolons, so a split on `;` at line end is enough. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
