import { readFile } from 'node:fs/promises';
import { PutObjectCommand, type PutObjectCommandInput, S3Client } from '@aws-sdk/client-s3';
import type { S3Upload } from '@livekit/protocol';

/** Uploads a finished file to the S3 target of the egress request, as egress does, and returns its size. */
export async function uploadRecording(
  upload: S3Upload,
  key: string,
  localPath: string,
  contentType: string,
  signal?: AbortSignal,
): Promise<number> {
  // A clip is at most a few tens of megabytes; a buffer, unlike a stream, can be sent again on retry.
  const body = await readFile(localPath);
  await putObject(
    upload,
    {
      Key: key,
      Body: body,
      ContentType: contentType,
      ContentDisposition: upload.contentDisposition || 'inline',
      ...(Object.keys(upload.metadata).length > 0 ? { Metadata: upload.metadata } : {}),
      ...(upload.tagging ? { Tagging: upload.tagging } : {}),
    },
    signal,
  );
  return body.byteLength;
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

function createUploadClient(upload: S3Upload): S3Client {
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
