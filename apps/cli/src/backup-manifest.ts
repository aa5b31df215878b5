import { z } from 'zod';

export const BACKUP_FORMAT = 'folkemote-backup/1';
export const MANIFEST_FILE = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

const objectSchema = z.object({
  key: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256,
  contentType: z.string().nullable(),
  cacheControl: z.string().nullable(),
  contentEncoding: z.string().nullable().optional(),
});

const bucketSchema = z.object({ bucket: z.string().min(1), objects: z.array(objectSchema) });

/**
 * A backup's table of contents, written last: a directory without it is an unfinished backup.
 * The database's rows are in `database/<table>.jsonl`, the buckets' objects in
 * `buckets/raw/<key>` and `buckets/public/<key>`.
 */
export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  database: z.object({
    kind: z.enum(['postgres', 'pglite']),
    migrations: z.array(z.string()),
    tables: z.array(
      z.object({
        name: z.string().min(1),
        file: z.string().regex(/^[a-z0-9_]+\.jsonl$/),
        rows: z.number().int(),
        sha256,
      }),
    ),
    sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string(), isCalled: z.boolean() })),
  }),
  buckets: z.object({ raw: bucketSchema, public: bucketSchema }),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
export const bucketRoles = ['raw', 'public'] as const;
