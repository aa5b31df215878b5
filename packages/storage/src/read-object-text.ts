import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { isNotFound } from './s3-errors.ts';

/**
 * A small text object (a caption file) read whole; null when there is no such object, and an
 * error when it is larger than `maxBytes` (nothing larger is read into memory).
 */
export async function readObjectText(
  client: S3Client,
  bucket: string,
  key: string,
  maxBytes: number,
): Promise<string | null> {
  try {
    const result = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if ((result.ContentLength ?? 0) > maxBytes) {
      void result.Body?.transformToWebStream().cancel();
      throw new Error(`The object ${key} is larger than ${maxBytes} bytes`);
    }
    return (await result.Body?.transformToString('utf-8')) ?? '';
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
