import { migrate } from './migrate.ts';
import { openPglite } from './pglite-database.ts';
import { type PgliteServer, servePglite } from './pglite-server.ts';

export class PglitePortTakenError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} on 127.0.0.1 is taken, so the embedded database cannot be served there; set PGLITE_PORT to a free one`,
    );
    this.name = 'PglitePortTakenError';
  }
}

/**
 * Holds the PGlite directory for the whole system on this machine: opens it (taking its lock),
 * brings its schema up to date and serves it on 127.0.0.1:`port` over the PostgreSQL wire
 * protocol. Every other process, the API, the worker and `pnpm cli`, connects to the URL as
 * to PostgreSQL, so they all see the same database and no second process opens the directory.
 */
export async function hostPglite(dataDir: string, options: { port: number }): Promise<PgliteServer> {
  const { pg, db } = await openPglite(dataDir);
  try {
    await migrate(db);
    const server = await servePglite(pg, { dataDir, port: options.port }).catch(
      (err: NodeJS.ErrnoException) => {
        throw err.code === 'EADDRINUSE' ? new PglitePortTakenError(options.port) : err;
      },
    );
    return {
      url: server.url,
      async close() {
        await server.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
