import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Database, Queryable } from '../database.ts';
import type { DatabaseDump } from './dump-database.ts';
import { quoteIdentifier, type TableFacts, tablesInLoadOrder } from './schema-facts.ts';

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

const rowsPerInsert = 500;

/**
 * Loads a dump into a database whose schema is at the same migrations and which holds no data
 * yet, all in one transaction: the restore is whole or not at all. Rows keep their ids;
 * sequences are set where they were.
 */
export async function restoreDatabase(db: Database, dir: string, dump: DatabaseDump): Promise<void> {
  await db.transaction(async (tx) => {
    await refuseUnlessMatchingAndEmpty(tx, dump);
    const tables = new Map((await tablesInLoadOrder(tx)).map((t) => [t.name, t]));
    for (const dumped of dump.tables) {
      const table = tables.get(dumped.name);
      if (!table) throw new RestoreRefusedError(`the backup has a table this schema lacks: ${dumped.name}`);
      await loadTable(tx, table, path.join(dir, dumped.file));
    }
    for (const sequence of dump.sequences) {
      await tx.query('select setval($1::regclass, $2::bigint, $3)', [
        quoteIdentifier(sequence.name),
        sequence.lastValue,
        sequence.isCalled,
      ]);
    }
  });
}

/** Refuses (RestoreRefusedError) unless the database would take the dump: same migrations, no data. */
export async function checkRestorable(db: Database, dump: Pick<DatabaseDump, 'migrations'>): Promise<void> {
  await db.transaction((tx) => refuseUnlessMatchingAndEmpty(tx, dump));
}

async function refuseUnlessMatchingAndEmpty(
  tx: Queryable,
  dump: Pick<DatabaseDump, 'migrations'>,
): Promise<void> {
  const { rows } = await tx.query<{ name: string }>('select name from schema_migrations order by name');
  const here = rows.map((r) => r.name);
  const missing = dump.migrations.filter((m) => !here.includes(m));
  const extra = here.filter((m) => !dump.migrations.includes(m));
  if (missing.length > 0 || extra.length > 0) {
    throw new RestoreRefusedError(
      `the backup's schema is not this version's (${missing.length ? `only the backup has ${missing.join(', ')}` : ''}` +
        `${missing.length && extra.length ? '; ' : ''}${extra.length ? `only this database has ${extra.join(', ')}` : ''}); ` +
        'restore with the version that made the backup',
    );
  }
  for (const table of await tablesInLoadOrder(tx)) {
    const { rows: any } = await tx.query(`select 1 from ${quoteIdentifier(table.name)} limit 1`);
    if (any.length > 0)
      throw new RestoreRefusedError(
        `the database is not empty (${table.name} has rows); restore into a new one`,
      );
  }
}

/**
 * Inserts the rows in batches; columns that refer to the table itself are set afterwards, once
 * every row they may name is there.
 */
async function loadTable(tx: Queryable, table: TableFacts, file: string): Promise<void> {
  const name = quoteIdentifier(table.name);
  const rows = `json_populate_recordset(null::${name}, $1::json) s`;
  const selfRefs = table.selfReferences;
  const columns = selfRefs.length ? await columnList(tx, table.name, selfRefs) : 's.*';
  for await (const batch of readBatches(file)) {
    await tx.query(`insert into ${name} overriding system value select ${columns} from ${rows}`, [
      `[${batch.join(',')}]`,
    ]);
  }
  if (selfRefs.length === 0) return;
  const set = selfRefs.map((c) => `${quoteIdentifier(c)} = s.${quoteIdentifier(c)}`).join(', ');
  const match = table.primaryKey
    .map((c) => `t.${quoteIdentifier(c)} = s.${quoteIdentifier(c)}`)
    .join(' and ');
  for await (const batch of readBatches(file)) {
    await tx.query(`update ${name} t set ${set} from ${rows} where ${match}`, [`[${batch.join(',')}]`]);
  }
}

/** The table's columns in order, with those named here replaced by null. */
async function columnList(tx: Queryable, table: string, nulled: string[]): Promise<string> {
  const { rows } = await tx.query<{ name: string }>(
    `select a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = $1 and a.attnum > 0 and not a.attisdropped order by a.attnum`,
    [table],
  );
  return rows
    .map((r) =>
      nulled.includes(r.name) ? `null as ${quoteIdentifier(r.name)}` : `s.${quoteIdentifier(r.name)}`,
    )
    .join(', ');
}

async function* readBatches(file: string): AsyncGenerator<string[]> {
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let batch: string[] = [];
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= rowsPerInsert) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
