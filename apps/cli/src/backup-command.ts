import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dumpDatabase } from '@folkemote/db';
import { backupBucket, checkS3, createS3Client } from '@folkemote/storage';
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
  const s3 = deps.s3Settings();
  const client = createS3Client(s3);
  const reachable = await checkS3(client, s3);
  if (!reachable.ok) {
    client.destroy();
    deps.stderr(
      `S3 does not answer at ${s3.endpoint ?? 'AWS'}: ${reachable.error}.` +
        (s3.endpoint?.startsWith('http://127.0.0.1')
          ? ' With the embedded store, start pnpm dev first.\n'
          : '\n'),
    );
    return 1;
  }
  const db = await deps.openDb();
  try {
    const started = Date.now();
    const database = await dumpDatabase(db, path.join(dir, 'database'));
    deps.stderr(
      `database: ${database.tables.reduce((n, t) => n + t.rows, 0)} rows in ${database.tables.length} tables\n`,
    );
    const raw = await backupBucket(client, s3.rawBucket, path.join(dir, 'buckets', 'raw'));
    deps.stderr(`raw bucket ${s3.rawBucket}: ${raw.length} objects\n`);
    const published = await backupBucket(client, s3.publicBucket, path.join(dir, 'buckets', 'public'));
    deps.stderr(`public bucket ${s3.publicBucket}: ${published.length} objects\n`);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date(started).toISOString(),
      database: { kind: db.kind, ...database },
      buckets: {
        raw: { bucket: s3.rawBucket, objects: raw },
        public: { bucket: s3.publicBucket, objects: published },
      },
    };
    await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
    deps.stdout(`Backup written to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  } finally {
    client.destroy();
    await db.close();
  }
}
