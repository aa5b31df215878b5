import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkRestorable, RestoreRefusedError, restoreDatabase } from '@folkemote/db';
import { findDamagedObjects, restoreBucket, sha256OfFile } from '@folkemote/storage';
import { backupBuckets, connectS3 } from './backup-buckets.ts';
import { type BackupDeps, processBackupDeps } from './backup-deps.ts';
import { type BackupManifest, backupManifestSchema, bucketRoles, MANIFEST_FILE } from './backup-manifest.ts';

export const RESTORE_USAGE = `usage: pnpm cli restore <dir>

Restores a backup made by pnpm cli backup into this installation's database (new, migrated by
this same version, with no data yet) and its raw and public buckets. Every checksum is verified
before anything is written; the database is loaded in one transaction, last.
`;

/** `pnpm cli restore <dir>`. */
export async function runRestoreCommand(
  argv: string[],
  deps: BackupDeps = processBackupDeps,
): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [dir] = positionals;
  if (!dir || positionals.length > 1) {
    deps.stderr(RESTORE_USAGE);
    return 2;
  }
  const manifest = await readManifest(dir);
  if (typeof manifest === 'string') {
    deps.stderr(`${manifest}\n`);
    return 2;
  }
  const damaged = await findDamage(dir, manifest);
  if (damaged.length > 0) {
    deps.stderr(
      `The backup is damaged; nothing was restored. Missing or changed: ${damaged.slice(0, 10).join(', ')}${damaged.length > 10 ? ` and ${damaged.length - 10} more` : ''}\n`,
    );
    return 1;
  }
  const connected = await connectS3(deps);
  if (!connected) return 1;
  const { s3, client } = connected;
  const db = await deps.openDb();
  try {
    await checkRestorable(db, manifest.database);
    // Objects first: a restore cut short there is simply run again (the database is still empty).
    let objectCount = 0;
    for (const { role, bucket, dir: bucketDir } of backupBuckets(s3, dir)) {
      const { objects } = manifest.buckets[role];
      await restoreBucket(client, bucket, bucketDir, objects);
      deps.stderr(`${role} bucket ${bucket}: ${objects.length} objects\n`);
      objectCount += objects.length;
    }
    await restoreDatabase(db, path.join(dir, 'database'), manifest.database);
    const rows = manifest.database.tables.reduce((n, t) => n + t.rows, 0);
    deps.stdout(`Restored the backup of ${manifest.createdAt}: ${rows} rows, ${objectCount} objects.\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof RestoreRefusedError)) throw err;
    deps.stderr(`${err.message}\n`);
    return 1;
  } finally {
    client.destroy();
    await db.close();
  }
}

async function readManifest(dir: string): Promise<BackupManifest | string> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return `${dir} holds no ${MANIFEST_FILE}: it is not a backup, or its backup did not finish.`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `${path.join(dir, MANIFEST_FILE)} is not JSON.`;
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success)
    return `${path.join(dir, MANIFEST_FILE)} is not a backup manifest this version reads: ${parsed.error.issues
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ')}`;
  return parsed.data;
}

async function findDamage(dir: string, manifest: BackupManifest): Promise<string[]> {
  const damaged: string[] = [];
  for (const table of manifest.database.tables) {
    const file = path.join(dir, 'database', table.file);
    if ((await sha256OfFile(file).catch(() => null)) !== table.sha256) damaged.push(`database/${table.file}`);
  }
  for (const role of bucketRoles) {
    const objects = manifest.buckets[role].objects;
    for (const key of await findDamagedObjects(path.join(dir, 'buckets', role), objects))
      damaged.push(`buckets/${role}/${key}`);
  }
  return damaged;
}
