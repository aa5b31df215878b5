import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { isNotFound } from './s3-errors.ts';
import type { S3Settings } from './settings.ts';

/** Creates the raw and the public bucket when missing; returns the names it created. */
export async function ensureBuckets(
  client: S3Client,
  settings: S3Settings,
  options: { signal?: AbortSignal } = {},
): Promise<{ created: string[] }> {
  const sendOptions = options.signal ? { abortSignal: options.signal } : {};
  const created: string[] = [];
  for (const bucket of new Set([settings.rawBucket, settings.publicBucket])) {
    try {
      await client.send(new HeadBucketCommand({ Bucket: bucket }), sendOptions);
      continue;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    try {
      await client.send(
        new CreateBucketCommand({
          Bucket: bucket,
          // us-east-1 is the one region that refuses an explicit location constraint.
          ...(settings.region !== 'us-east-1'
            ? { CreateBucketConfiguration: { LocationConstraint: settings.region as never } }
            : {}),
        }),
        sendOptions,
      );
      created.push(bucket);
    } catch (error) {
      // Another process may have created it between our HEAD and our PUT.
      const name = (error as { name?: string }).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
    }
  }
  return { created };
}
