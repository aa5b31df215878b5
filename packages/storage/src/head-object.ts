import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { normalizeEtag } from './file-digest.ts';
import { isNotFound } from './s3-errors.ts';

export interface ObjectHead {
  key: string;
  size: number;
  /** Without quotes, lower-cased. */
  etag: string;
  contentType: string | undefined;
  cacheControl: string | undefined;
  lastModified: Date | undefined;
}

/** The object's size, ETag and headers; null when there is no such object. */
export async function headObject(
  client: S3Client,
  bucket: string,
  key: string,
  options: { signal?: AbortSignal } = {},
): Promise<ObjectHead | null> {
  try {
    const head = await client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: key }),
      options.signal ? { abortSignal: options.signal } : {},
    );
    return {
      key,
      size: head.ContentLength ?? 0,
      etag: normalizeEtag(head.ETag ?? ''),
      contentType: head.ContentType,
      cacheControl: head.CacheControl,
      lastModified: head.LastModified,
    };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export async function objectExists(
  client: S3Client,
  bucket: string,
  key: string,
  options: { signal?: AbortSignal } = {},
): Promise<boolean> {
  return (await headObject(client, bucket, key, options)) !== null;
}
