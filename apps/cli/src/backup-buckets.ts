import path from 'node:path';
import { checkS3, createS3Client, type S3Settings } from '@folkemote/storage';
import type { BackupDeps } from './backup-deps.ts';
import { bucketRoles } from './backup-manifest.ts';

type S3Client = ReturnType<typeof createS3Client>;

/** One of the installation's buckets as a backup holds it: its role, its name here, and its folder in the backup. */
export interface BackupBucket {
  role: (typeof bucketRoles)[number];
  bucket: string;
  dir: string;
}

/** The installation's buckets, each with its folder in the backup at `dir`, in the order they are copied. */
export function backupBuckets(s3: S3Settings, dir: string): BackupBucket[] {
  const names = { raw: s3.rawBucket, public: s3.publicBucket };
  return bucketRoles.map((role) => ({ role, bucket: names[role], dir: path.join(dir, 'buckets', role) }));
}

/**
 * A client for the installation's S3, once it answers for every bucket; otherwise null, with why
 * said on stderr.
 */
export async function connectS3(deps: BackupDeps): Promise<{ s3: S3Settings; client: S3Client } | null> {
  const s3 = deps.s3Settings();
  const client = createS3Client(s3);
  const reachable = await checkS3(client, s3);
  if (reachable.ok) return { s3, client };
  client.destroy();
  deps.stderr(
    `S3 does not answer at ${s3.endpoint ?? 'AWS'}: ${reachable.error}.` +
      (s3.endpoint?.startsWith('http://127.0.0.1')
        ? ' With the embedded store, start pnpm dev first.\n'
        : '\n'),
  );
  return null;
}
