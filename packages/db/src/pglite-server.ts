import { readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Where the process holding a PGlite directory writes the URL it serves the database at. */
export const PGLITE_SERVER_FILE = 'folkemote-server.json';

export interface PgliteServer {
  /** A postgres:// URL on loopback. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves an open PGlite to other processes of this machine (the API, the worker, the command
 * line) over the PostgreSQL wire protocol, on loopback only, and writes its URL into the data
 * directory for `reachDatabase` to find. PGlite runs one statement at a time; the socket server
 * queues them, and keeps a client's transaction to itself until it ends.
 */
export async function servePglite(
  pg: PGlite,
  options: { dataDir: string; port: number; maxConnections?: number },
): Promise<PgliteServer> {
  const server = new PGLiteSocketServer({
    db: oneQueryAtATime(pg),
    host: '127.0.0.1',
    port: options.port,
    maxConnections: options.maxConnections ?? 64,
  });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  const file = path.join(options.dataDir, PGLITE_SERVER_FILE);
  await writeFile(file, `${JSON.stringify({ url, pid: process.pid })}\n`);
  return {
    url,
    async close() {
      await rm(file, { force: true });
      await server.stop();
    },
  };
}

// Messages of the extended query protocol that leave a query unfinished until the client's Sync:
// Parse, Bind, Describe, Execute, Close and Flush.
const unfinishedQuery = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const endsQuery = new Set(['S', 'Q', 'X'].map((c) => c.charCodeAt(0)));

/**
 * PGlite as the socket server should see it. PGlite is one PostgreSQL session shared by every
 * client, and the socket server runs one message at a time, keeping to one client only while an
 * explicit transaction is open. A parameterised query is several messages (Parse … Execute,
 * then Sync), and another client's message in between lands in the same session: it takes the
 * unnamed statement or portal ("portal does not exist"), or a BEGIN turns the query's implicit
 * transaction into its own, whose ROLLBACK then undoes a write the first client was told was
 * done. Counting an unfinished query as an open transaction keeps the other clients out until Sync.
 */
export function oneQueryAtATime(pg: PGlite): PGlite {
  let midQuery = false;
  return new Proxy(pg, {
    get(target, property) {
      if (property === 'isInTransaction') return () => midQuery || target.isInTransaction();
      if (property === 'execProtocolRawStream')
        return async (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          try {
            return await target.execProtocolRawStream(message, options);
          } finally {
            const type = message[0] ?? 0;
            if (unfinishedQuery.has(type)) midQuery = true;
            else if (endsQuery.has(type)) midQuery = false;
          }
        };
      // The socket server rolls back with exec() when a client leaves mid-transaction.
      if (property === 'exec')
        return async (...args: Parameters<PGlite['exec']>) => {
          midQuery = false;
          return target.exec(...args);
        };
      const value: unknown = Reflect.get(target, property, target);
      // PGlite's methods use private fields, so they must run on PGlite itself, not the proxy.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The URL a live server of this PGlite directory answers at, or null when none does. */
export async function findPgliteServer(dataDir: string): Promise<string | null> {
  let url: string;
  try {
    ({ url } = JSON.parse(await readFile(path.join(dataDir, PGLITE_SERVER_FILE), 'utf8')) as { url: string });
  } catch {
    return null;
  }
  const { hostname, port } = new URL(url);
  if (hostname !== '127.0.0.1') return null;
  const answers = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
  return answers ? url : null;
}
