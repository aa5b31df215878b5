import { ListObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import { normalizeEtag } from './file-digest.ts';

export interface ListedObject {
  size: number;
  /** Without quotes, lower-cased. */
  etag: string;
}

/**
 * Every object under `prefix` with its size and ETag, a thousand to a request. The first
 * listing API (marker paging) is used because every S3-compatible store pages it alike;
 * s3rver's continuation tokens of the second one break past the first page.
 */
export async function listObjects(
  client: S3Client,
  bucket: string,
  prefix: string,
  options: {
    signal?: AbortSignal /** Objects per request; the store's own (1,000 on S3) when absent. */;
    pageSize?: number;
  } = {},
): Promise<Map<string, ListedObject>> {
  const objects = new Map<string, ListedObject>();
  let marker: string | undefined;
  for (;;) {
    const page = await client.send(
      new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker, MaxKeys: options.pageSize }),
      options.signal ? { abortSignal: options.signal } : {},
    );
    const contents = page.Contents ?? [];
    for (const object of contents) {
      if (object.Key)
        objects.set(object.Key, { size: object.Size ?? 0, etag: normalizeEtag(object.ETag ?? '') });
    }
    const last = contents.at(-1)?.Key;
    if (!page.IsTruncated || last === undefined) return objects;
    marker = page.NextMarker ?? last;
  }
}
