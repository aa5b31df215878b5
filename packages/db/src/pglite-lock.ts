import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Inside the data directory: whoever holds it is the only process with the directory open. */
export const PGLITE_LOCK_NAME = 'folkemote.lock';

/** The lock is renewed every 10 s; one not renewed for a minute was left by a process that died. */
const STALE_MS = 60_000;

/** Another process has the PGlite directory open; the message is the one line to show. */
export class PgliteInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The embedded database in ${dataDir} is open in another process (is \`pnpm dev\` running?). ` +
        'Only one process may open it; run the command while `pnpm dev` runs and it goes through that process, or stop the other one.',
    );
    this.name = 'PgliteInUseError';
  }
}

/**
 * Takes the data directory's lock for the life of this process: two processes writing one PGlite
 * directory corrupt it, and a second one would not see the first one's writes anyway. Throws
 * PgliteInUseError when another process holds it. The lock goes when the returned release is
 * called, or when the process exits.
 */
export async function lockPgliteDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, PGLITE_LOCK_NAME),
      stale: STALE_MS,
      update: STALE_MS / 6,
      realpath: false,
      // Losing the lock (the machine slept, the event loop stalled a minute) is reported, not fatal.
      onCompromised: (err) => process.emitWarning(`PGlite lock on ${dataDir} lost: ${err.message}`),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new PgliteInUseError(dataDir);
    throw err;
  }
}
