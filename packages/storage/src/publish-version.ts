import type { S3Client } from '@aws-sdk/client-s3';
import { listFiles } from './list-files.ts';
import {
  createVersionPublisher,
  type UploadedObject,
  type VersionPublisherOptions,
} from './version-publisher.ts';

export interface PublishVersionInput extends VersionPublisherOptions {
  /** Relative paths with '/' separators; every file under `dir` when omitted. */
  files?: string[];
  /** Uploaded after every other file is verified, in this order, e.g. ['master.m3u8']. */
  lastFiles: string[];
}

/**
 * Publishes a version whose files are all written: every file under its own prefix, in
 * parallel, then the last files (the master playlist) once everything else is verified, so a
 * viewer never finds a master that names a missing segment. Each object is verified by HEAD
 * (size and ETag against the local file) before the call resolves. A re-run skips objects
 * that already verify, so it uploads nothing twice. See createVersionPublisher for a version
 * whose files are still being written.
 */
export async function publishVersion(
  client: S3Client,
  input: PublishVersionInput,
): Promise<UploadedObject[]> {
  const publisher = createVersionPublisher(client, input);
  let files: string[];
  try {
    files = input.files ?? (await listFiles(input.dir));
  } catch (error) {
    await publisher.abort();
    throw error;
  }
  return publisher.finish(files, input.lastFiles);
}
