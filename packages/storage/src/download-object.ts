import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { normalizeEtag } from './file-digest.ts';
import { abortError, isAbortError, isRetryableFailure } from './s3-errors.ts';

export interface DownloadObjectOptions {
  signal?: AbortSignal;
  /** Whole-object attempts; the client retries a failed request, this retries a body cut off mid-stream. */
  attempts?: number;
}

export interface DownloadObjectResult {
  size: number;
  etag: string;
}

/**
 * Streams an object to `file` through a temporary file beside it, so `file` only ever holds a
 * complete copy of the object.
 */
export async function downloadObject(
  client: S3Client,
  bucket: string,
  key: string,
  file: string,
  options: DownloadObjectOptions = {},
): Promise<DownloadObjectResult> {
  const attempts = options.attempts ?? 3;
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.download`;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await downloadOnce(client, bucket, key, partial, options.signal);
      await rename(partial, file);
      return result;
    } catch (error) {
      await rm(partial, { force: true });
      if (isAbortError(error, options.signal)) throw abortError();
      if (attempt >= attempts || !isRetryableFailure(error)) throw error;
    }
  }
}

async function downloadOnce(
  client: S3Client,
  bucket: string,
  key: string,
  file: string,
  signal: AbortSignal | undefined,
): Promise<DownloadObjectResult> {
  const response = await client.send(
    new GetObjectCommand({ Bucket: bucket, Key: key }),
    signal ? { abortSignal: signal } : {},
  );
  if (!(response.Body instanceof Readable)) throw new Error(`GET of "${key}" returned no readable body`);
  // A large buffer lets the file stream write many received chunks in one call.
  await pipeline(
    response.Body,
    createWriteStream(file, { highWaterMark: 4 * 1024 * 1024 }),
    signal ? { signal } : {},
  );
  const { size } = await stat(file);
  if (response.ContentLength !== undefined && size !== response.ContentLength) {
    throw new Error(`download of "${key}" was cut short: ${size} of ${response.ContentLength} bytes`);
  }
  return { size, etag: normalizeEtag(response.ETag ?? '') };
}
