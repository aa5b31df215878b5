import { stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { cacheControlFor } from './cache-control.ts';
import { contentTypeFor } from './content-type.ts';
import { digestFile, etagMatches, type FileDigest } from './file-digest.ts';
import { headObject, type ObjectHead } from './head-object.ts';
import { listFiles } from './list-files.ts';
import { runBounded } from './run-bounded.ts';
import {
  abortError,
  describeS3Error,
  isAbortError,
  isRetryableFailure,
  throwIfAborted,
} from './s3-errors.ts';
import { DEFAULT_PART_SIZE, uploadFile } from './upload-file.ts';

export interface PublishVersionInput {
  bucket: string;
  /** The version's own prefix, e.g. publicKeys.versionPrefix(recordingId, versionId); ends with '/'. */
  prefix: string;
  /** The local directory the files are relative to. */
  dir: string;
  /** Relative paths with '/' separators; every file under `dir` when omitted. */
  files?: string[];
  /** Uploaded after every other file is verified, in this order, e.g. ['master.m3u8']. */
  lastFiles: string[];
  /** Files in flight at once (each large file also sends up to four parts at once). */
  concurrency?: number;
  partSize?: number;
  /** Upload-and-verify rounds per file before giving up. */
  attempts?: number;
  signal?: AbortSignal;
  onProgress?: (uploadedBytes: number, totalBytes: number) => void;
}

export interface UploadedObject {
  /** Relative to `dir` and to the prefix. */
  path: string;
  key: string;
  size: number;
  /** As S3 reports it, without quotes. */
  etag: string;
  contentType: string;
  cacheControl: string;
  /** False when an earlier run had stored it already and it verified. */
  uploaded: boolean;
}

export class PublishVersionError extends Error {
  constructor(
    message: string,
    readonly key?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PublishVersionError';
  }
}

interface Entry {
  path: string;
  file: string;
  key: string;
  size: number;
  contentType: string;
  cacheControl: string;
}

/**
 * Publishes a version: every file under its own prefix, in parallel, then the last files
 * (the master playlist) once everything else is verified, so a viewer never finds a master
 * that names a missing segment. Each object is verified by HEAD (size and ETag against the
 * local file) before the call resolves. A re-run skips objects that already verify, so it
 * uploads nothing twice.
 */
export async function publishVersion(
  client: S3Client,
  input: PublishVersionInput,
): Promise<UploadedObject[]> {
  validatePrefix(input.prefix);
  const partSize = input.partSize ?? DEFAULT_PART_SIZE;
  const attempts = input.attempts ?? 3;
  const concurrency = input.concurrency ?? 4;
  throwIfAborted(input.signal);

  const paths = [...new Set(input.files ?? (await listFiles(input.dir)))];
  for (const relative of [...paths, ...input.lastFiles]) validateRelativePath(relative);
  const missingLast = input.lastFiles.filter((last) => !paths.includes(last));
  if (missingLast.length > 0) {
    throw new PublishVersionError(`lastFiles are not among the files to publish: ${missingLast.join(', ')}`);
  }

  const entries = await Promise.all(paths.map((relative) => describeEntry(input, relative)));
  const lastSet = new Set(input.lastFiles);
  const first = entries.filter((entry) => !lastSet.has(entry.path));
  const last = input.lastFiles.map((name) => entries.find((entry) => entry.path === name) as Entry);

  const progress = createProgress(
    entries.reduce((sum, entry) => sum + entry.size, 0),
    input.onProgress,
  );
  // One failure stops the files still in flight: the run has failed and will be retried whole.
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  input.signal?.addEventListener('abort', onAbort, { once: true });
  const context: PublishContext = {
    client,
    bucket: input.bucket,
    partSize,
    attempts,
    signal: controller.signal,
    progress,
  };

  try {
    const published = await runBounded(first, concurrency, async (entry) => {
      try {
        return await publishEntry(context, entry);
      } catch (error) {
        controller.abort();
        throw error;
      }
    });
    for (const entry of last) published.push(await publishEntry(context, entry));
    return published;
  } catch (error) {
    if (input.signal?.aborted) throw abortError();
    throw error;
  } finally {
    input.signal?.removeEventListener('abort', onAbort);
  }
}

interface PublishContext {
  client: S3Client;
  bucket: string;
  partSize: number;
  attempts: number;
  signal: AbortSignal;
  progress: Progress;
}

async function publishEntry(context: PublishContext, entry: Entry): Promise<UploadedObject> {
  const { client, bucket, signal, progress } = context;
  let digest: FileDigest | undefined;
  const digestOnce = async () => {
    digest ??= await digestFile(entry.file, context.partSize);
    return digest;
  };
  let uploaded = false;
  let problem = '';

  for (let attempt = 1; attempt <= context.attempts; attempt++) {
    if (attempt > 1) await pause(retryDelayMs(attempt), signal);
    throwIfAborted(signal);
    try {
      // Also on a later attempt: an upload whose check failed on the way may have landed after all.
      const existing = await headObject(client, bucket, entry.key, { signal });
      if (existing && mismatch(existing, entry, await digestOnce()) === '') {
        progress.set(entry.key, entry.size);
        return toUploaded(entry, existing, uploaded);
      }
      progress.set(entry.key, 0);
      await uploadFile(client, {
        bucket,
        key: entry.key,
        file: entry.file,
        contentType: entry.contentType,
        cacheControl: entry.cacheControl,
        partSize: context.partSize,
        signal,
        onProgress: (loaded) => progress.set(entry.key, loaded),
      });
      uploaded = true;
      const head = await headObject(client, bucket, entry.key, { signal });
      problem = mismatch(head, entry, await digestOnce());
      if (problem === '') {
        progress.set(entry.key, entry.size);
        return toUploaded(entry, head as ObjectHead, true);
      }
    } catch (error) {
      if (isAbortError(error, signal)) throw abortError();
      problem = describeS3Error(error);
      if (attempt >= context.attempts || !isRetryableFailure(error)) {
        throw new PublishVersionError(`publishing "${entry.key}" failed: ${problem}`, entry.key, {
          cause: error,
        });
      }
    }
  }
  throw new PublishVersionError(
    `"${entry.key}" did not verify after ${context.attempts} attempts: ${problem}`,
    entry.key,
  );
}

/** The client has retried each request already; this waits out a longer outage (1 s, 2 s, ...). */
function retryDelayMs(attempt: number): number {
  return 1000 * 2 ** (attempt - 2) * (1 + Math.random() / 2);
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    throw abortError();
  }
}

function mismatch(head: ObjectHead | null, entry: Entry, digest: FileDigest): string {
  if (head === null) return 'the object is missing after its upload';
  if (head.size !== entry.size) return `S3 holds ${head.size} bytes, the file has ${entry.size}`;
  if (!etagMatches(head.etag, digest)) {
    return `ETag ${head.etag} matches neither MD5 ${digest.md5} nor multipart ETag ${digest.multipartEtag}`;
  }
  return '';
}

function toUploaded(entry: Entry, head: ObjectHead, uploaded: boolean): UploadedObject {
  return {
    path: entry.path,
    key: entry.key,
    size: entry.size,
    etag: head.etag,
    contentType: entry.contentType,
    cacheControl: entry.cacheControl,
    uploaded,
  };
}

async function describeEntry(input: PublishVersionInput, relative: string): Promise<Entry> {
  const file = path.join(input.dir, ...relative.split('/'));
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new PublishVersionError(`"${relative}" in ${input.dir} is not a regular file`);
    size = info.size;
  } catch (error) {
    if (error instanceof PublishVersionError) throw error;
    throw new PublishVersionError(`"${relative}" is missing from ${input.dir}`, undefined, { cause: error });
  }
  const key = `${input.prefix}${relative}`;
  return {
    path: relative,
    file,
    key,
    size,
    contentType: contentTypeFor(key),
    cacheControl: cacheControlFor(key),
  };
}

function validatePrefix(prefix: string) {
  if (prefix === '' || prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new PublishVersionError(`a version prefix must be non-empty and end with "/", got "${prefix}"`);
  }
}

function validateRelativePath(relative: string) {
  const segments = relative.split('/');
  if (
    relative.includes('\\') ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw new PublishVersionError(`"${relative}" is not a plain relative path with "/" separators`);
  }
}

interface Progress {
  set(key: string, loadedBytes: number): void;
}

/** Sums bytes per object; a retried object starts over, but the reported number never goes back. */
function createProgress(
  totalBytes: number,
  onProgress?: (uploadedBytes: number, totalBytes: number) => void,
): Progress {
  const loaded = new Map<string, number>();
  let sum = 0;
  let reported = -1;
  const report = () => {
    if (onProgress && sum > reported) {
      reported = sum;
      onProgress(sum, totalBytes);
    }
  };
  report();
  return {
    set(key, loadedBytes) {
      sum += loadedBytes - (loaded.get(key) ?? 0);
      loaded.set(key, loadedBytes);
      report();
    },
  };
}
