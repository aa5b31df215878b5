import { createHash } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { cacheControlFor } from './cache-control.ts';
import { contentTypeFor } from './content-type.ts';
import { normalizeEtag } from './file-digest.ts';
import { useComputedPayloadHash } from './signed-payload.ts';

export interface PutObjectInput {
  bucket: string;
  key: string;
  body: string | Uint8Array;
  /** Defaults to contentTypeFor(key). */
  contentType?: string;
  /** Defaults to cacheControlFor(key). */
  cacheControl?: string;
  /** `gzip` for a body stored compressed, which browsers then read as the plain file. */
  contentEncoding?: 'gzip';
  /** Hex MD5 of the body when the caller has it already; computed otherwise. */
  md5?: string;
  /** Hex SHA-256 of the body when the caller has it already; the SDK computes it otherwise. */
  sha256?: string;
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
  const command = new PutObjectCommand({
    Bucket: input.bucket,
    Key: input.key,
    Body: body,
    ContentLength: body.byteLength,
    // S3 and most compatible stores check Content-MD5 and refuse a body damaged on the way.
    ContentMD5: input.md5
      ? Buffer.from(input.md5, 'hex').toString('base64')
      : createHash('md5').update(body).digest('base64'),
    ContentType: input.contentType ?? contentTypeFor(input.key),
    CacheControl: input.cacheControl ?? cacheControlFor(input.key),
    ...(input.contentEncoding ? { ContentEncoding: input.contentEncoding } : {}),
  });
  if (input.sha256) useComputedPayloadHash(command, input.sha256);
  const result = await client.send(command, input.signal ? { abortSignal: input.signal } : {});
  return { key: input.key, size: body.byteLength, etag: normalizeEtag(result.ETag ?? '') };
}
