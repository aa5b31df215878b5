import type { S3Client } from '@aws-sdk/client-s3';
import { s3UploadBytes, s3UploadErrors } from './s3-metrics.ts';

const UPLOAD_COMMANDS = new Set(['PutObjectCommand', 'UploadPartCommand']);

const bucketOf = (input: unknown) => {
  const bucket = (input as { Bucket?: unknown }).Bucket;
  return typeof bucket === 'string' ? bucket : 'unknown';
};

const instrumented = new WeakSet<S3Client>();

/**
 * Counts what a client uploads (objects and multipart parts): each request's Content-Length
 * once S3 accepted it (inside the SDK's retries, so an attempt that failed adds nothing), and
 * each upload that still failed after the retries (outside them, so a retry is not an error).
 */
export function instrumentS3Uploads(client: S3Client, buckets: string[]): void {
  // Each bucket's series exist from the start, so a rate over them works before the first upload.
  for (const bucket of buckets) {
    s3UploadBytes.inc({ bucket }, 0);
    s3UploadErrors.inc({ bucket }, 0);
  }
  if (instrumented.has(client)) return;
  instrumented.add(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!UPLOAD_COMMANDS.has(context.commandName ?? '')) return next(args);
      try {
        return await next(args);
      } catch (err) {
        s3UploadErrors.inc({ bucket: bucketOf(args.input) });
        throw err;
      }
    },
    { step: 'initialize', name: 'folkemoteUploadErrors' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (UPLOAD_COMMANDS.has(context.commandName ?? '')) {
        const headers = (args.request as { headers?: Record<string, string> } | undefined)?.headers;
        const length = Number(headers?.['content-length'] ?? 0);
        if (Number.isFinite(length) && length > 0)
          s3UploadBytes.inc({ bucket: bucketOf(args.input) }, length);
      }
      return result;
    },
    { step: 'finalizeRequest', name: 'folkemoteUploadBytes' },
  );
}
