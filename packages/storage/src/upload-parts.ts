import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { normalizeEtag } from './file-digest.ts';
import { readHashedChunk } from './hash-thread.ts';
import { runBounded } from './run-bounded.ts';
import { abortError, throwIfAborted } from './s3-errors.ts';
import { useComputedPayloadHash } from './signed-payload.ts';
import { abandonMultipartUpload } from './upload-file.ts';

export interface UploadInPartsInput {
  bucket: string;
  key: string;
  file: string;
  /** The file's size, known to the caller. */
  size: number;
  partSize: number;
  contentType: string;
  cacheControl: string;
  /** Parts in flight at once. */
  queueSize?: number;
  signal?: AbortSignal;
  onProgress?: (uploadedBytes: number) => void;
}

export interface UploadInPartsResult {
  /** As S3 answered the completion, without quotes. */
  etag: string;
  /** MD5 of each part, in order: what a multipart ETag is made of. */
  partMd5s: Buffer[];
}

/**
 * A multipart upload whose parts are read and hashed on the hashing thread: each part goes
 * up with its Content-MD5 (the store refuses a part damaged on the way) and a signature over
 * its SHA-256, and the part digests give the multipart ETag to check the result against.
 */
export async function uploadInParts(
  client: S3Client,
  input: UploadInPartsInput,
): Promise<UploadInPartsResult> {
  const { bucket, key, signal } = input;
  const options = signal ? { abortSignal: signal } : {};
  throwIfAborted(signal);
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      ContentType: input.contentType,
      CacheControl: input.cacheControl,
    }),
    options,
  );
  const uploadId = created.UploadId;
  if (!uploadId) throw new Error(`no upload id for "${key}"`);
  const count = Math.max(1, Math.ceil(input.size / input.partSize));
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const etags: string[] = new Array(count);
  const partMd5s: Buffer[] = new Array(count);
  let uploaded = 0;
  try {
    await runBounded(numbers, input.queueSize ?? 4, async (number) => {
      throwIfAborted(signal);
      const start = (number - 1) * input.partSize;
      const length = Math.min(input.partSize, input.size - start);
      const chunk = await readHashedChunk(input.file, start, length);
      if (chunk.body.length !== length) throw new Error(`"${input.file}" changed while it was uploaded`);
      const command = new UploadPartCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        PartNumber: number,
        Body: chunk.body,
        ContentLength: length,
        ContentMD5: Buffer.from(chunk.md5, 'hex').toString('base64'),
      });
      useComputedPayloadHash(command, chunk.sha256);
      const result = await client.send(command, options);
      etags[number - 1] = result.ETag ?? '';
      partMd5s[number - 1] = Buffer.from(chunk.md5, 'hex');
      uploaded += length;
      input.onProgress?.(uploaded);
    });
    const completed = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: {
          Parts: numbers.map((number) => ({ PartNumber: number, ETag: etags[number - 1] })),
        },
      }),
      options,
    );
    return { etag: normalizeEtag(completed.ETag ?? ''), partMd5s };
  } catch (error) {
    await abandonMultipartUpload(client, bucket, key, uploadId);
    if (signal?.aborted) throw abortError();
    throw error;
  }
}
