/** What every query function needs: one SQL statement with positional parameters. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

/** A database: PGlite in-process (embedded default) or a PostgreSQL pool, same SQL. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Cheap liveness check for the health endpoint. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
