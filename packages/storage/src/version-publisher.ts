import { stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { cacheControlFor } from './cache-control.ts';
import { contentTypeFor } from './content-type.ts';
import { etagMatches, multipartEtagOf } from './file-digest.ts';
import { digestFileInThread, md5FileInThread, readHashedChunk } from './hash-thread.ts';
import { headObject } from './head-object.ts';
import { type ListedObject, listObjects } from './list-objects.ts';
import { putObject } from './put-object.ts';
import {
  abortError,
  describeS3Error,
  isAbortError,
  isRetryableFailure,
  throwIfAborted,
} from './s3-errors.ts';
import { DEFAULT_PART_SIZE } from './upload-file.ts';
import { uploadInParts } from './upload-parts.ts';

export interface VersionPublisherOptions {
  bucket: string;
  /** The version's own prefix, e.g. publicKeys.versionPrefix(recordingId, versionId); ends with '/'. */
  prefix: string;
  /** The local directory the files are relative to. */
  dir: string;
  /** Files in flight at once (each large file also sends up to four parts at once). */
  concurrency?: number;
  partSize?: number;
  /** Upload-and-verify rounds per file before giving up. */
  attempts?: number;
  signal?: AbortSignal;
  /** Bytes stored so far against the bytes of the files known so far. */
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

export interface VersionPublisher {
  /**
   * Starts publishing one finished file (a media segment while the rest is still being
   * written) and returns at once. A file added twice goes up once.
   */
  add(relative: string): void;
  /**
   * Publishes the files not added yet, waits until every object is stored and verified, then
   * publishes `lastFiles` in order (the master playlist). Rejects with the first failure.
   */
  finish(files: readonly string[], lastFiles: readonly string[]): Promise<UploadedObject[]>;
  /** Stops the uploads in flight (the version will not be finished now) and waits for them. */
  abort(): Promise<void>;
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

export const DEFAULT_PUBLISH_CONCURRENCY = 8;

/**
 * Publishes a version file by file as its files are finished, so the upload of a long
 * recording runs alongside the ffmpeg that writes it. What the version prefix already holds
 * (a retried job) is learnt from one listing; every object is verified by HEAD (size and ETag
 * against the local bytes) after its upload, and the last files go up only once all the rest
 * has verified, so a viewer never finds a master that names a missing segment. Files of one
 * part go up as a single PUT with Content-MD5 from one read; larger ones in parallel parts.
 */
export function createVersionPublisher(client: S3Client, options: VersionPublisherOptions): VersionPublisher {
  validatePrefix(options.prefix);
  const partSize = options.partSize ?? DEFAULT_PART_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_PUBLISH_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error('concurrency must be a positive integer');

  // One failure stops the files still in flight: the run has failed and will be retried whole.
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const progress = createProgress(options.onProgress);
  const context: PublishContext = {
    client,
    bucket: options.bucket,
    partSize,
    attempts: options.attempts ?? 3,
    signal: controller.signal,
    progress,
    // Null when the store refuses to list: each object is then looked up by HEAD.
    existing: controller.signal.aborted
      ? Promise.resolve(null)
      : listObjects(client, options.bucket, options.prefix, { signal: controller.signal }).catch(() => null),
  };

  const tasks = new Map<string, Promise<UploadedObject>>();
  const waiting: (() => void)[] = [];
  let running = 0;
  let failure: { error: unknown } | undefined;
  let finishing = false;

  // Once stopped, whatever still waits for a slot starts at once, only to end as aborted.
  const pump = () => {
    while (waiting.length > 0 && (running < concurrency || controller.signal.aborted)) {
      running++;
      waiting.shift()!();
    }
  };
  controller.signal.addEventListener('abort', pump, { once: true });

  const enqueue = (relative: string, described?: Entry) => {
    if (tasks.has(relative)) return;
    const task = new Promise<UploadedObject>((resolve, reject) => {
      waiting.push(() => {
        const run = async () => {
          throwIfAborted(context.signal);
          const entry = described ?? (await describeEntry(options, relative, progress));
          return publishEntry(context, entry, false);
        };
        run()
          .then(resolve, (error: unknown) => {
            failure ??= { error };
            controller.abort();
            reject(error);
          })
          .finally(() => {
            running--;
            pump();
          });
      });
    });
    // Failures are collected by finish(); a file nobody waits for yet must not crash the process.
    task.catch(() => {});
    tasks.set(relative, task);
    pump();
  };

  const settle = () => Promise.allSettled(tasks.values());

  const detach = () => options.signal?.removeEventListener('abort', onAbort);

  return {
    add(relative) {
      validateRelativePath(relative);
      if (finishing) throw new PublishVersionError('files cannot be added once the version is finishing');
      enqueue(relative);
    },

    async finish(files, lastFiles) {
      finishing = true;
      try {
        throwIfAborted(options.signal);
        const paths = [...new Set(files)];
        for (const relative of [...paths, ...lastFiles]) validateRelativePath(relative);
        const missingLast = lastFiles.filter((last) => !paths.includes(last));
        if (missingLast.length > 0) {
          throw new PublishVersionError(
            `lastFiles are not among the files to publish: ${missingLast.join(', ')}`,
          );
        }
        const early = lastFiles.filter((last) => tasks.has(last));
        if (early.length > 0) {
          throw new PublishVersionError(`last files were added before the others: ${early.join(', ')}`);
        }
        const lastSet = new Set(lastFiles);
        const remaining = paths.filter((relative) => !lastSet.has(relative) && !tasks.has(relative));
        // Described before any of them starts, so progress knows the whole size from here on.
        const entries = await Promise.all(
          remaining.map((relative) => describeEntry(options, relative, progress)),
        );
        const last = await Promise.all(
          lastFiles.map((relative) => describeEntry(options, relative, progress)),
        );
        for (const entry of entries) enqueue(entry.path, entry);

        await settle();
        if (failure) throw failure.error;
        const published: UploadedObject[] = [];
        for (const task of tasks.values()) published.push(await task);
        for (const entry of last) published.push(await publishEntry(context, entry, true));
        return published;
      } catch (error) {
        controller.abort();
        await settle();
        if (options.signal?.aborted) throw abortError();
        throw error;
      } finally {
        detach();
      }
    },

    async abort() {
      controller.abort();
      await settle();
      detach();
    },
  };
}

interface PublishContext {
  client: S3Client;
  bucket: string;
  partSize: number;
  attempts: number;
  signal: AbortSignal;
  progress: Progress;
  existing: Promise<Map<string, ListedObject> | null>;
}

async function publishEntry(context: PublishContext, entry: Entry, isLast: boolean): Promise<UploadedObject> {
  const { client, bucket, signal, progress, partSize } = context;
  // What is known of the local bytes; the rest is hashed (on the hashing thread) only when an
  // ETag asks for it: a store answers either the plain MD5 or the multipart form.
  const known: { md5?: string; multipartEtag?: string } = {};
  const check = async (stored: { size: number; etag: string }) => {
    if (stored.size !== entry.size) return `S3 holds ${stored.size} bytes, the file has ${entry.size}`;
    const multipart = stored.etag.includes('-');
    if (multipart && known.multipartEtag === undefined) {
      known.multipartEtag = (await digestFileInThread(entry.file, partSize)).multipartEtag;
    } else if (!multipart && known.md5 === undefined) {
      known.md5 = await md5FileInThread(entry.file);
    }
    return etagMatches(stored.etag, known)
      ? ''
      : `ETag ${stored.etag} does not match the file's ${multipart ? 'multipart ETag' : 'MD5'} ${multipart ? known.multipartEtag : known.md5}`;
  };
  let uploaded = false;
  let problem = '';

  for (let attempt = 1; attempt <= context.attempts; attempt++) {
    if (attempt > 1) await pause(retryDelayMs(attempt), signal);
    throwIfAborted(signal);
    try {
      // The listing tells what an earlier run stored. The last files, and any later attempt
      // (an upload whose check failed on the way may have landed after all), ask by HEAD.
      const listed = attempt === 1 && !isLast ? await context.existing : null;
      const existing = listed
        ? (listed.get(entry.key) ?? null)
        : await headObject(client, bucket, entry.key, { signal });
      if (existing && (await check(existing)) === '') {
        progress.set(entry.key, entry.size);
        return toUploaded(entry, existing.etag, uploaded);
      }
      progress.set(entry.key, 0);
      if (entry.size <= partSize) {
        const chunk = await readHashedChunk(entry.file, 0, entry.size);
        if (chunk.body.length !== entry.size)
          throw new Error(`"${entry.file}" changed while it was uploaded`);
        known.md5 = chunk.md5;
        known.multipartEtag = multipartEtagOf([Buffer.from(chunk.md5, 'hex')]);
        await putObject(client, {
          bucket,
          key: entry.key,
          body: chunk.body,
          md5: chunk.md5,
          sha256: chunk.sha256,
          contentType: entry.contentType,
          cacheControl: entry.cacheControl,
          signal,
        });
      } else {
        const result = await uploadInParts(client, {
          bucket,
          key: entry.key,
          file: entry.file,
          size: entry.size,
          partSize,
          contentType: entry.contentType,
          cacheControl: entry.cacheControl,
          signal,
          onProgress: (loaded) => progress.set(entry.key, loaded),
        });
        known.multipartEtag = multipartEtagOf(result.partMd5s);
      }
      uploaded = true;
      const head = await headObject(client, bucket, entry.key, { signal });
      problem = head === null ? 'the object is missing after its upload' : await check(head);
      if (problem === '' && head) {
        progress.set(entry.key, entry.size);
        return toUploaded(entry, head.etag, true);
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

function toUploaded(entry: Entry, etag: string, uploaded: boolean): UploadedObject {
  return {
    path: entry.path,
    key: entry.key,
    size: entry.size,
    etag,
    contentType: entry.contentType,
    cacheControl: entry.cacheControl,
    uploaded,
  };
}

async function describeEntry(
  options: Pick<VersionPublisherOptions, 'dir' | 'prefix'>,
  relative: string,
  progress: Progress,
): Promise<Entry> {
  const file = path.join(options.dir, ...relative.split('/'));
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new PublishVersionError(`"${relative}" in ${options.dir} is not a regular file`);
    size = info.size;
  } catch (error) {
    if (error instanceof PublishVersionError) throw error;
    throw new PublishVersionError(`"${relative}" is missing from ${options.dir}`, undefined, {
      cause: error,
    });
  }
  const key = `${options.prefix}${relative}`;
  progress.add(key, size);
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
  /** A file joins the total. */
  add(key: string, bytes: number): void;
  set(key: string, loadedBytes: number): void;
}

/** Sums bytes per object; a retried object starts over, but the reported number never goes back. */
function createProgress(onProgress?: (uploadedBytes: number, totalBytes: number) => void): Progress {
  const sizes = new Map<string, number>();
  const loaded = new Map<string, number>();
  let total = 0;
  let sum = 0;
  let reported = -1;
  const report = () => {
    if (onProgress && sum > reported) {
      reported = sum;
      onProgress(sum, total);
    }
  };
  return {
    add(key, bytes) {
      if (sizes.has(key)) return;
      sizes.set(key, bytes);
      total += bytes;
      report();
    },
    set(key, loadedBytes) {
      sum += loadedBytes - (loaded.get(key) ?? 0);
      loaded.set(key, loadedBytes);
      report();
    },
  };
}
