import { DeleteObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { runBounded } from './run-bounded.ts';

/**
 * Deletes every object under `prefix` (which must end with '/', so `v/abc/` never takes `v/abcd/`
 * with it) and returns how many there were. One DELETE per object: DeleteObjects wants a
 * checksum header that several S3-compatible stores do not accept.
 */
export async function deletePrefix(
  client: S3Client,
  bucket: string,
  prefix: string,
  options: { signal?: AbortSignal; concurrency?: number } = {},
): Promise<number> {
  if (prefix === '' || prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`deletePrefix needs a non-empty prefix ending with "/", got "${prefix}"`);
  }
  const sendOptions = options.signal ? { abortSignal: options.signal } : {};
  let deleted = 0;
  let continuationToken: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: continuationToken }),
      sendOptions,
    );
    const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
    await runBounded(keys, options.concurrency ?? 8, async (key) => {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }), sendOptions);
    });
    deleted += keys.length;
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
  return deleted;
}
