import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { listObjects } from './list-objects.ts';
import { runBounded } from './run-bounded.ts';
import { uploadFile } from './upload-file.ts';

/** One object as the backup holds it: the bytes in `<dir>/<key>`, the rest here. */
export interface BackedUpObject {
  key: string;
  size: number;
  sha256: string;
  contentType: string | null;
  cacheControl: string | null;
  /** `gzip` for an object stored compressed (the search index); absent in older backups. */
  contentEncoding?: string | null;
}

const objectsAtOnce = 4;

/**
 * A key as a path under the backup's directory. Our keys are plain relative paths; anything that
 * would climb out of the directory (or is not a plain path) is refused rather than written.
 */
export function backupPathFor(dir: string, key: string): string {
  const parts = key.split('/');
  if (key.startsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..') || key.includes('\0'))
    throw new Error(`object key ${JSON.stringify(key)} is not a plain relative path; it cannot be backed up`);
  return path.join(dir, ...parts);
}

/** Copies every object of `bucket` into `dir`, object by object, with its SHA-256 and headers. */
export async function backupBucket(client: S3Client, bucket: string, dir: string): Promise<BackedUpObject[]> {
  const keys = [...(await listObjects(client, bucket, '')).keys()].sort();
  return runBounded(keys, objectsAtOnce, (key) => backupObject(client, bucket, key, backupPathFor(dir, key)));
}

async function backupObject(
  client: S3Client,
  bucket: string,
  key: string,
  file: string,
): Promise<BackedUpObject> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!(response.Body instanceof Readable)) throw new Error(`GET of "${key}" returned no readable body`);
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(response.Body, hashing, createWriteStream(partial));
    const { size } = await stat(partial);
    if (response.ContentLength !== undefined && size !== response.ContentLength)
      throw new Error(`the copy of "${key}" was cut short: ${size} of ${response.ContentLength} bytes`);
    await rename(partial, file);
    return {
      key,
      size,
      sha256: hash.digest('hex'),
      contentType: response.ContentType ?? null,
      cacheControl: response.CacheControl ?? null,
      contentEncoding: response.ContentEncoding ?? null,
    };
  } finally {
    await rm(partial, { force: true });
  }
}

/** The SHA-256 of a file, streamed. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every object of the backup whose file is missing or differs from its checksum. */
export async function findDamagedObjects(dir: string, objects: readonly BackedUpObject[]): Promise<string[]> {
  const damaged = await runBounded(objects, objectsAtOnce, async (object) => {
    const file = backupPathFor(dir, object.key);
    const matches = await sha256OfFile(file).then(
      (sha) => sha === object.sha256,
      () => false,
    );
    return matches ? null : object.key;
  });
  return damaged.filter((key): key is string => key !== null);
}

/** Puts every object of the backup back into `bucket`, with the headers it had. */
export async function restoreBucket(
  client: S3Client,
  bucket: string,
  dir: string,
  objects: readonly BackedUpObject[],
): Promise<void> {
  await runBounded(objects, objectsAtOnce, (object) =>
    uploadFile(client, {
      bucket,
      key: object.key,
      file: backupPathFor(dir, object.key),
      ...(object.contentType ? { contentType: object.contentType } : {}),
      ...(object.cacheControl ? { cacheControl: object.cacheControl } : {}),
      ...(object.contentEncoding ? { contentEncoding: object.contentEncoding } : {}),
    }),
  );
}
