import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { describeS3Error, httpStatusOf } from './s3-errors.ts';
import type { S3Settings } from './settings.ts';

export type S3Health = { ok: true } | { ok: false; error: string };

/**
 * For the health endpoint: both buckets answer a HEAD within `timeoutMs`. The answer names
 * what is wrong, never a credential.
 */
export async function checkS3(
  client: S3Client,
  settings: S3Settings,
  options: { timeoutMs?: number } = {},
): Promise<S3Health> {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const signal = AbortSignal.timeout(timeoutMs);
  const buckets = [...new Set([settings.rawBucket, settings.publicBucket])];
  const problems = await Promise.all(buckets.map((bucket) => checkBucket(client, bucket, signal, timeoutMs)));
  const found = problems.filter((problem): problem is string => problem !== null);
  return found.length === 0 ? { ok: true } : { ok: false, error: found.join('; ') };
}

async function checkBucket(
  client: S3Client,
  bucket: string,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<string | null> {
  const command = new HeadBucketCommand({ Bucket: bucket });
  // The client retries a refused connection until the timeout; remember why each attempt failed.
  let lastAttemptError: unknown;
  command.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        lastAttemptError = error;
        throw error;
      }
    },
    { step: 'deserialize', name: 'rememberLastAttemptError' },
  );
  try {
    await client.send(command, { abortSignal: signal });
    return null;
  } catch (error) {
    if (signal.aborted) {
      const why = lastAttemptError ? ` (last error: ${describeS3Error(lastAttemptError)})` : '';
      return `bucket "${bucket}" did not answer within ${timeoutMs} ms${why}`;
    }
    const status = httpStatusOf(error);
    if (status === 404) return `bucket "${bucket}" does not exist`;
    if (status === 403) return `access to bucket "${bucket}" is denied`;
    return `bucket "${bucket}": ${describeS3Error(error)}`;
  }
}
