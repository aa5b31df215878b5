import type { S3Client } from '@aws-sdk/client-s3';
import {
  createVersionPublisher,
  listFiles,
  type UploadedObject,
  type VersionPublisherOptions,
} from '../../src/index.ts';

/**
 * A version whose files are all written, published as the worker does once its transcode ends:
 * the publisher's `finish` with every file under the directory (or those given), the master last.
 */
export async function publishWrittenVersion(
  client: S3Client,
  input: VersionPublisherOptions & { files?: string[]; lastFiles: string[] },
): Promise<UploadedObject[]> {
  const publisher = createVersionPublisher(client, input);
  const files = input.files ?? (await listFiles(input.dir));
  return publisher.finish(files, input.lastFiles);
}
