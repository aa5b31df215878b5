import type { DatabaseSettings } from './open-database.ts';
import { findPgliteServer } from './pglite-server.ts';

/**
 * The database a tool should open for these settings: with PGlite, the process that holds the
 * directory (`pnpm dev`) when it serves it, reached over the wire as PostgreSQL; otherwise the
 * settings as they are (and opening the directory then refuses if another process has it).
 */
export async function reachDatabase(settings: DatabaseSettings): Promise<DatabaseSettings> {
  if (settings.kind !== 'pglite' || !settings.dataDir) return settings;
  const url = await findPgliteServer(settings.dataDir);
  return url ? { kind: 'postgres', url } : settings;
}
