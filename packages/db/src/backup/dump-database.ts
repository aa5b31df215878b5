import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database, Queryable } from '../database.ts';
import { quoteIdentifier, sequenceNames, tablesInLoadOrder } from './schema-facts.ts';

export interface DumpedTable {
  name: string;
  /** `<name>.jsonl`: one row a line, as PostgreSQL's row_to_json wrote it. */
  file: string;
  rows: number;
  sha256: string;
}

export interface DumpedSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/** What a dump holds, for its manifest; the rows themselves are in the files. */
export interface DatabaseDump {
  /** The migrations the dumped schema had; a restore needs exactly these. */
  migrations: string[];
  /** In load order. */
  tables: DumpedTable[];
  sequences: DumpedSequence[];
}

const rowsPerFetch = 1_000;

/**
 * A logical dump through the application's own connection, so it is the same for PostgreSQL and
 * the embedded PGlite: every table's rows as JSON lines, read in one repeatable-read transaction
 * (one consistent moment, writers not held up), and every sequence's position.
 */
export async function dumpDatabase(db: Database, dir: string): Promise<DatabaseDump> {
  await mkdir(dir, { recursive: true });
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    const { rows: migrations } = await tx.query<{ name: string }>(
      'select name from schema_migrations order by name',
    );
    const tables: DumpedTable[] = [];
    for (const table of await tablesInLoadOrder(tx)) tables.push(await dumpTable(tx, table.name, dir));
    const sequences: DumpedSequence[] = [];
    for (const name of await sequenceNames(tx)) {
      const { rows } = await tx.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text as last_value, is_called from ${quoteIdentifier(name)}`,
      );
      sequences.push({ name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
    }
    return { migrations: migrations.map((m) => m.name), tables, sequences };
  });
}

async function dumpTable(tx: Queryable, name: string, dir: string): Promise<DumpedTable> {
  const file = `${name}.jsonl`;
  const out = createWriteStream(path.join(dir, file));
  const hash = createHash('sha256');
  let rows = 0;
  const cursor = `dump_${name}`;
  try {
    await tx.query(
      `declare ${quoteIdentifier(cursor)} no scroll cursor for select row_to_json(t)::text as line from ${quoteIdentifier(name)} t`,
    );
    for (;;) {
      const page = await tx.query<{ line: string }>(
        `fetch forward ${rowsPerFetch} from ${quoteIdentifier(cursor)}`,
      );
      if (page.rows.length === 0) break;
      const chunk = `${page.rows.map((r) => r.line).join('\n')}\n`;
      hash.update(chunk);
      rows += page.rows.length;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    await tx.query(`close ${quoteIdentifier(cursor)}`);
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { name, file, rows, sha256: hash.digest('hex') };
}
