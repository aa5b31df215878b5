import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dumpDatabase } from '@folkemote/db';
import { backupBucket } from '@folkemote/storage';
import { backupBuckets, connectS3 } from './backup-buckets.ts';
import { type BackupDeps, processBackupDeps } from './backup-deps.ts';
import { BACKUP_FORMAT, type BackupManifest, MANIFEST_FILE } from './backup-manifest.ts';

export const BACKUP_USAGE = `usage: pnpm cli backup <dir>

Writes a backup of this installation into <dir> (which must be new or empty): the database as
one consistent dump (PostgreSQL or the embedded PGlite), and every object of the raw and public
buckets, each with its SHA-256, listed in <dir>/manifest.json (written last).
`;

/** `pnpm cli backup <dir>`. */
export async function runBackupCommand(
  argv: string[],
  deps: BackupDeps = processBackupDeps,
): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [dir] = positionals;
  if (!dir || positionals.length > 1) {
    deps.stderr(BACKUP_USAGE);
    return 2;
  }
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) {
    deps.stderr(`${dir} is not empty; give a new directory for the backup.\n`);
    return 2;
  }
  const connected = await connectS3(deps);
  if (!connected) return 1;
  const { s3, client } = connected;
  const db = await deps.openDb();
  try {
    const started = Date.now();
    const database = await dumpDatabase(db, path.join(dir, 'database'));
    deps.stderr(
      `database: ${database.tables.reduce((n, t) => n + t.rows, 0)} rows in ${database.tables.length} tables\n`,
    );
    const buckets: Partial<BackupManifest['buckets']> = {};
    for (const { role, bucket, dir: bucketDir } of backupBuckets(s3, dir)) {
      const objects = await backupBucket(client, bucket, bucketDir);
      deps.stderr(`${role} bucket ${bucket}: ${objects.length} objects\n`);
      buckets[role] = { bucket, objects };
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date(started).toISOString(),
      database: { kind: db.kind, ...database },
      buckets: buckets as BackupManifest['buckets'],
    };
    await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
    deps.stdout(`Backup written to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  } finally {
    client.destroy();
    await db.close();
  }
}
