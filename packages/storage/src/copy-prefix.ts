import { CopyObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { listObjects } from './list-objects.ts';
import { runBounded } from './run-bounded.ts';

/**
 * Copies every object under `from.prefix` to the same names under `to.prefix`, inside the store
 * (CopyObject: no byte passes through us), headers and all. Objects already there with the same
 * size are skipped, so a repeated copy does nothing twice; the names in `last` (relative to the
 * prefix, e.g. the master playlist) are copied after everything else, so a reader that finds them
 * finds the rest. Returns how many objects were copied.
 */
export async function copyPrefix(
  client: S3Client,
  from: { bucket: string; prefix: string },
  to: { bucket: string; prefix: string },
  options: { last?: readonly string[]; signal?: AbortSignal; concurrency?: number } = {},
): Promise<number> {
  for (const prefix of [from.prefix, to.prefix]) {
    if (prefix === '' || prefix.startsWith('/') || !prefix.endsWith('/'))
      throw new Error(`copyPrefix needs a non-empty prefix ending with "/", got "${prefix}"`);
  }
  const sources = await listObjects(client, from.bucket, from.prefix, { signal: options.signal });
  if (sources.size === 0) return 0;
  const present = await listObjects(client, to.bucket, to.prefix, { signal: options.signal });
  const last = new Set(options.last ?? []);
  const pending = [...sources].flatMap(([key, object]) => {
    const name = key.slice(from.prefix.length);
    return present.get(to.prefix + name)?.size === object.size ? [] : [name];
  });
  const copy = (name: string) =>
    client.send(
      new CopyObjectCommand({
        Bucket: to.bucket,
        Key: to.prefix + name,
        CopySource: `${from.bucket}/${(from.prefix + name).split('/').map(encodeURIComponent).join('/')}`,
      }),
      options.signal ? { abortSignal: options.signal } : {},
    );
  await runBounded(
    pending.filter((n) => !last.has(n)),
    options.concurrency ?? 8,
    copy,
  );
  for (const name of pending.filter((n) => last.has(n))) await copy(name);
  return pending.length;
}
