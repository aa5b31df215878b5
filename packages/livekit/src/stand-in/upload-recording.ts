import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PutObjectCommand, type PutObjectCommandInput, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Upload } from '@livekit/protocol';

// Four parts in flight stay within 32 MiB; an hour at 4.5 Mbit/s is some 250 parts.
const PART_SIZE = 8 * 1024 * 1024;

/**
 * Uploads a finished file to the S3 target of the egress request, as egress does, and returns its
 * size. An hour's recording runs to gigabytes: it goes up from disk in parts (one PUT when it is
 * small), each part a buffer the client can send again on retry.
 */
export async function uploadRecording(
  upload: S3Upload,
  key: string,
  localPath: string,
  contentType: string,
  signal?: AbortSignal,
): Promise<number> {
  const { size } = await stat(localPath);
  const client = createUploadClient(upload);
  const body = createReadStream(localPath, { highWaterMark: 1024 * 1024 });
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await new Upload({
      client,
      params: {
        Bucket: upload.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentDisposition: upload.contentDisposition || 'inline',
        ...(Object.keys(upload.metadata).length > 0 ? { Metadata: upload.metadata } : {}),
        ...(upload.tagging ? { Tagging: upload.tagging } : {}),
      },
      partSize: PART_SIZE,
      queueSize: 4,
      abortController: controller,
    }).done();
    return size;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    body.destroy();
    client.destroy();
  }
}

export function uploadManifest(
  upload: S3Upload,
  key: string,
  manifest: unknown,
  signal?: AbortSignal,
): Promise<void> {
  return putObject(
    upload,
    { Key: key, Body: `${JSON.stringify(manifest)}\n`, ContentType: 'application/json' },
    signal,
  );
}

async function putObject(
  upload: S3Upload,
  input: Omit<PutObjectCommandInput, 'Bucket'>,
  signal: AbortSignal | undefined,
): Promise<void> {
  const client = createUploadClient(upload);
  try {
    await client.send(
      new PutObjectCommand({ Bucket: upload.bucket, ...input }),
      signal ? { abortSignal: signal } : {},
    );
  } finally {
    client.destroy();
  }
}

export function createUploadClient(upload: S3Upload): S3Client {
  return new S3Client({
    region: upload.region || 'us-east-1',
    ...(upload.endpoint ? { endpoint: upload.endpoint } : {}),
    forcePathStyle: upload.forcePathStyle,
    ...(upload.accessKey && upload.secret
      ? { credentials: { accessKeyId: upload.accessKey, secretAccessKey: upload.secret } }
      : {}),
    // S3-compatible stores often refuse the SDK's default aws-chunked checksum trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
}
