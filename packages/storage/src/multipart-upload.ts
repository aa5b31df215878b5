import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface UploadedPart {
  partNumber: number;
  size: number;
  etag: string;
}

interface Target {
  bucket: string;
  key: string;
}

/** Opens a multipart upload; its id signs the parts, lists them, completes or aborts it. */
export async function createMultipartUpload(s3: S3Client, target: Target): Promise<string> {
  // No content type from the sender: what the recording is comes from its content.
  const out = await s3.send(
    new CreateMultipartUploadCommand({
      Bucket: target.bucket,
      Key: target.key,
      ContentType: 'application/octet-stream',
    }),
  );
  if (!out.UploadId) throw new Error('The object store opened no multipart upload');
  return out.UploadId;
}

/**
 * A URL a browser PUTs one part to, without credentials of its own. Sign with a client whose
 * endpoint the browser reaches (S3_BROWSER_ENDPOINT where it differs from the API's).
 */
export function presignUploadPart(
  s3: S3Client,
  input: Target & { uploadId: string; partNumber: number; expiresInSeconds: number },
): Promise<string> {
  // The presigner may be built on a later release of the SDK's core than the client: the same
  // interface, told apart by the compiler only by its private fields.
  type SigningClient = Parameters<typeof getSignedUrl>[0];
  type SignedCommand = Parameters<typeof getSignedUrl>[1];
  return getSignedUrl(
    s3 as unknown as SigningClient,
    new UploadPartCommand({
      Bucket: input.bucket,
      Key: input.key,
      UploadId: input.uploadId,
      PartNumber: input.partNumber,
    }) as unknown as SignedCommand,
    { expiresIn: input.expiresInSeconds },
  );
}

/** Every part the store holds for the upload, by part number. */
export async function listUploadedParts(
  s3: S3Client,
  input: Target & { uploadId: string },
): Promise<UploadedPart[]> {
  const parts: UploadedPart[] = [];
  let marker: string | undefined;
  for (;;) {
    const out = await s3.send(
      new ListPartsCommand({
        Bucket: input.bucket,
        Key: input.key,
        UploadId: input.uploadId,
        PartNumberMarker: marker,
      }),
    );
    for (const p of out.Parts ?? []) {
      if (p.PartNumber === undefined || p.ETag === undefined) continue;
      parts.push({ partNumber: p.PartNumber, size: Number(p.Size ?? 0), etag: p.ETag });
    }
    if (!out.IsTruncated || out.NextPartNumberMarker === undefined) break;
    marker = String(out.NextPartNumberMarker);
  }
  return parts.sort((a, b) => a.partNumber - b.partNumber);
}

export async function completeMultipartUpload(
  s3: S3Client,
  input: Target & { uploadId: string; parts: UploadedPart[] },
): Promise<void> {
  await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: input.bucket,
      Key: input.key,
      UploadId: input.uploadId,
      MultipartUpload: {
        Parts: input.parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
      },
    }),
  );
}

/** Drops the upload and the parts stored for it; an upload already gone is no error. */
export async function abortMultipartUpload(
  s3: S3Client,
  input: Target & { uploadId: string },
): Promise<void> {
  try {
    await s3.send(
      new AbortMultipartUploadCommand({ Bucket: input.bucket, Key: input.key, UploadId: input.uploadId }),
    );
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchUpload') return;
    throw err;
  }
}
