import type { Queryable } from '../database.ts';

export interface TableFacts {
  name: string;
  /** The primary key's columns, in key order. */
  primaryKey: string[];
  /** Columns that reference the table itself (a merged question names the one it went into). */
  selfReferences: string[];
}

/** Tables the migrations keep to themselves: never dumped, never restored. */
const bookkeeping = new Set(['schema_migrations']);

/**
 * The application's tables in an order that loads without breaking a foreign key: every table
 * after the tables it refers to. References of a table to itself are left to the caller.
 */
export async function tablesInLoadOrder(db: Queryable): Promise<TableFacts[]> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  const { rows: references } = await db.query<{ source: string; target: string; columns: string[] }>(
    `select src.relname as source, dst.relname as target,
            array(select a.attname::text from unnest(k.conkey) as col(num)
                    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = col.num) as columns
       from pg_constraint k
       join pg_class src on src.oid = k.conrelid
       join pg_class dst on dst.oid = k.confrelid
       join pg_namespace n on n.oid = src.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`,
  );
  const { rows: keys } = await db.query<{ name: string; columns: string[] }>(
    `select c.relname as name,
            array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality as col(num, pos)
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = col.num order by col.pos) as columns
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      where i.indisprimary and n.nspname = 'public'`,
  );
  const names = tables.map((t) => t.name).filter((name) => !bookkeeping.has(name));
  const primaryKeys = new Map(keys.map((k) => [k.name, k.columns]));
  const facts = names.map((name) => ({
    name,
    primaryKey: primaryKeys.get(name) ?? [],
    selfReferences: references
      .filter((r) => r.source === name && r.target === name)
      .flatMap((r) => r.columns),
    dependsOn: new Set(references.filter((r) => r.source === name && r.target !== name).map((r) => r.target)),
  }));
  const ordered: TableFacts[] = [];
  const placed = new Set<string>();
  while (ordered.length < facts.length) {
    const ready = facts.filter((t) => !placed.has(t.name) && [...t.dependsOn].every((d) => placed.has(d)));
    if (ready.length === 0)
      throw new Error('the foreign keys between tables form a cycle; no load order exists');
    for (const { dependsOn: _, ...table } of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
  }
  for (const table of ordered) {
    if (table.selfReferences.length > 0 && table.primaryKey.length === 0)
      throw new Error(`table ${table.name} refers to itself but has no primary key`);
  }
  return ordered;
}

/** Every sequence of the application (serial columns and free-standing ones). */
export async function sequenceNames(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  return rows.map((r) => r.name);
}

/** A name as SQL wants it quoted. */
export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
