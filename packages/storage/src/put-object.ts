import { createHash } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { cacheControlFor } from './cache-control.ts';
import { contentTypeFor } from './content-type.ts';
import { normalizeEtag } from './file-digest.ts';

export interface PutObjectInput {
  bucket: string;
  key: string;
  body: string | Uint8Array;
  /** Defaults to contentTypeFor(key). */
  contentType?: string;
  /** Defaults to cacheControlFor(key). */
  cacheControl?: string;
  signal?: AbortSignal;
}

export interface PutObjectResult {
  key: string;
  size: number;
  etag: string;
}

/** One PUT for a small generated file (a page, a feed, a pointer); retried by the client as a whole. */
export async function putObject(client: S3Client, input: PutObjectInput): Promise<PutObjectResult> {
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const result = await client.send(
    new PutObjectCommand({
      Bucket: input.bucket,
      Key: input.key,
      Body: body,
      ContentLength: body.byteLength,
      // S3 and most compatible stores check Content-MD5 and refuse a body damaged on the way.
      ContentMD5: createHash('md5').update(body).digest('base64'),
      ContentType: input.contentType ?? contentTypeFor(input.key),
      CacheControl: input.cacheControl ?? cacheControlFor(input.key),
    }),
    input.signal ? { abortSignal: input.signal } : {},
  );
  return { key: input.key, size: body.byteLength, etag: normalizeEtag(result.ETag ?? '') };
}
