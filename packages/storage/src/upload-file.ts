import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { AbortMultipartUploadCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { cacheControlFor } from './cache-control.ts';
import { contentTypeFor } from './content-type.ts';
import { normalizeEtag } from './file-digest.ts';
import { abortError, throwIfAborted } from './s3-errors.ts';

/** Parts of 8 MiB keep four in flight within 32 MiB of memory and a 1-hour download.mp4 far below 10,000 parts. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
export const DEFAULT_QUEUE_SIZE = 4;
const MIN_PART_SIZE = 5 * 1024 * 1024;

export interface UploadFileInput {
  bucket: string;
  key: string;
  file: string;
  /** Defaults to contentTypeFor(key). */
  contentType?: string;
  /** Defaults to cacheControlFor(key). */
  cacheControl?: string;
  /** As the object had it (a gzipped file restored from a backup); none by default. */
  contentEncoding?: string;
  signal?: AbortSignal;
  onProgress?: (uploadedBytes: number, totalBytes: number) => void;
  /** Files larger than this go up as a multipart upload in parts of exactly this size. */
  partSize?: number;
  /** Parts in flight at once. */
  queueSize?: number;
}

export interface UploadFileResult {
  key: string;
  size: number;
  /** As S3 answered it, without quotes. */
  etag: string;
  multipart: boolean;
  partSize: number;
}

/**
 * Uploads a file with lib-storage: one PUT up to `partSize`, parallel parts above it. Parts are
 * buffers, so the client retries each failed part on its own.
 */
export async function uploadFile(client: S3Client, input: UploadFileInput): Promise<UploadFileResult> {
  const partSize = input.partSize ?? DEFAULT_PART_SIZE;
  if (partSize < MIN_PART_SIZE)
    throw new Error(`partSize must be at least ${MIN_PART_SIZE} bytes (S3's minimum)`);
  throwIfAborted(input.signal);
  const { size } = await stat(input.file);
  const body = createReadStream(input.file, { highWaterMark: 1024 * 1024 });
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  input.signal?.addEventListener('abort', onAbort, { once: true });

  const upload = new Upload({
    client,
    params: {
      Bucket: input.bucket,
      Key: input.key,
      Body: body,
      ContentType: input.contentType ?? contentTypeFor(input.key),
      CacheControl: input.cacheControl ?? cacheControlFor(input.key),
      ...(input.contentEncoding ? { ContentEncoding: input.contentEncoding } : {}),
    },
    partSize,
    queueSize: input.queueSize ?? DEFAULT_QUEUE_SIZE,
    // We abort ourselves: lib-storage would throw the abort's own error (s3rver refuses
    // AbortMultipartUpload) instead of the failure that caused it.
    leavePartsOnError: true,
    abortController: controller,
  });
  const { onProgress } = input;
  if (onProgress) {
    upload.on('httpUploadProgress', (progress) => onProgress(Math.min(progress.loaded ?? 0, size), size));
  }

  try {
    const result = await upload.done();
    return {
      key: input.key,
      size,
      etag: normalizeEtag(result.ETag ?? ''),
      multipart: upload.uploadId !== undefined,
      partSize,
    };
  } catch (error) {
    if (upload.uploadId !== undefined)
      await abandonMultipartUpload(client, input.bucket, input.key, upload.uploadId);
    if (input.signal?.aborted) throw abortError();
    throw error;
  } finally {
    input.signal?.removeEventListener('abort', onAbort);
    body.destroy();
  }
}

// Best effort: parts left behind cost storage until the bucket's lifecycle rule removes them.
export async function abandonMultipartUpload(
  client: S3Client,
  bucket: string,
  key: string,
  uploadId: string,
) {
  try {
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
  } catch {
    // The upload failed already; that failure is the one worth reporting.
  }
}
