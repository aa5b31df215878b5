import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { isNotFound } from './s3-errors.ts';

/**
 * A small text object (a caption file) read whole as UTF-8; null when there is no such object.
 * An object larger than `maxBytes` is refused, so a stray large file cannot fill the memory.
 */
export async function readObjectText(
  client: S3Client,
  bucket: string,
  key: string,
  options: { maxBytes: number; signal?: AbortSignal },
): Promise<string | null> {
  try {
    const response = await client.send(
      new GetObjectCommand({ Bucket: bucket, Key: key }),
      options.signal ? { abortSignal: options.signal } : {},
    );
    if ((response.ContentLength ?? 0) > options.maxBytes) {
      void response.Body?.transformToWebStream().cancel();
      throw new Error(`object "${key}" is larger than ${options.maxBytes} bytes`);
    }
    if (!response.Body) throw new Error(`GET of "${key}" returned no body`);
    const bytes = await response.Body.transformToByteArray();
    if (bytes.byteLength > options.maxBytes)
      throw new Error(`object "${key}" is larger than ${options.maxBytes} bytes`);
    return new TextDecoder('utf-8').decode(bytes);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
