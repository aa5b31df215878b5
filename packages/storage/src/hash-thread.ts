import { Worker } from 'node:worker_threads';
import type { FileDigest } from './file-digest.ts';
import { multipartEtagOf } from './file-digest.ts';

/**
 * Reading and hashing run on threads of their own: publishing a version hashes every byte
 * (MD5 for Content-MD5 and the ETag check, SHA-256 for the request signature), which would
 * otherwise take a large share of the event loop that also serves the API and runs the jobs.
 *
 * The thread's code is plain JavaScript, so it runs wherever this package runs (tsx, vitest)
 * without a TypeScript loader.
 */
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { open } = require('node:fs/promises');
const { createReadStream } = require('node:fs');

async function readRange(file, start, length) {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, start + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { buffer, filled };
  } finally {
    await handle.close();
  }
}

async function md5Of(file) {
  const whole = createHash('md5');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) whole.update(chunk);
  return { md5: whole.digest('hex') };
}

async function digest(file, partSize) {
  const whole = createHash('md5');
  const parts = [];
  let part = createHash('md5');
  let inPart = 0;
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    whole.update(chunk);
    size += chunk.length;
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(partSize - inPart, chunk.length - offset);
      part.update(chunk.subarray(offset, offset + take));
      inPart += take;
      offset += take;
      if (inPart === partSize) {
        parts.push(part.digest());
        part = createHash('md5');
        inPart = 0;
      }
    }
  }
  if (inPart > 0 || parts.length === 0) parts.push(part.digest());
  return { size, md5: whole.digest('hex'), parts: Buffer.concat(parts) };
}

parentPort.on('message', async (message) => {
  try {
    if (message.op === 'read') {
      const { buffer, filled } = await readRange(message.file, message.start, message.length);
      const body = buffer.subarray(0, filled);
      const md5 = createHash('md5').update(body).digest('hex');
      const sha256 = createHash('sha256').update(body).digest('hex');
      parentPort.postMessage({ id: message.id, body: buffer.buffer, length: filled, md5, sha256 }, [buffer.buffer]);
    } else if (message.op === 'md5') {
      parentPort.postMessage({ id: message.id, ...(await md5Of(message.file)) });
    } else {
      const result = await digest(message.file, message.partSize);
      parentPort.postMessage({ id: message.id, ...result });
    }
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/** A thread with nothing to do for this long is stopped; the next request starts a new one. */
const IDLE_MS = 30_000;
/**
 * Two threads, so one long request (the MD5 of a whole large file) does not hold up the small
 * ones queued behind it, and hashing can use both cores of a small machine.
 */
const THREADS = 2;

interface Pending {
  resolve(value: Record<string, unknown>): void;
  reject(error: Error): void;
}

interface HashThread {
  worker: Worker;
  pending: Map<number, Pending>;
  idle: NodeJS.Timeout | null;
}

const threads: HashThread[] = [];
let nextId = 1;

function startThread(): HashThread {
  const worker = new Worker(THREAD_SOURCE, { eval: true });
  const thread: HashThread = { worker, pending: new Map(), idle: null };
  const retire = () => {
    const at = threads.indexOf(thread);
    if (at >= 0) threads.splice(at, 1);
  };
  const failAll = (error: Error) => {
    for (const waiting of thread.pending.values()) waiting.reject(error);
    thread.pending.clear();
    retire();
  };
  worker.on('message', (reply: Record<string, unknown>) => {
    const waiting = thread.pending.get(reply.id as number);
    if (!waiting) return;
    thread.pending.delete(reply.id as number);
    if (thread.pending.size === 0) {
      worker.unref();
      thread.idle = setTimeout(() => {
        if (thread.pending.size > 0) return;
        retire();
        void worker.terminate();
      }, IDLE_MS);
      thread.idle.unref();
    }
    const error = reply.error as { message: string; code?: string } | undefined;
    if (error)
      waiting.reject(Object.assign(new Error(error.message), error.code ? { code: error.code } : {}));
    else waiting.resolve(reply);
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the hashing thread stopped')));
  threads.push(thread);
  return thread;
}

function request(message: Record<string, unknown>): Promise<Record<string, unknown>> {
  // The least busy thread, or a new one while there are fewer than THREADS and all are busy.
  let thread = threads.reduce<HashThread | null>(
    (best, t) => (best === null || t.pending.size < best.pending.size ? t : best),
    null,
  );
  if (!thread || (thread.pending.size > 0 && threads.length < THREADS)) thread = startThread();
  if (thread.idle) {
    clearTimeout(thread.idle);
    thread.idle = null;
  }
  thread.worker.ref();
  const id = nextId++;
  const target = thread;
  return new Promise((resolve, reject) => {
    target.pending.set(id, { resolve, reject });
    target.worker.postMessage({ ...message, id });
  });
}

export interface HashedChunk {
  body: Buffer;
  /** Hex digests of `body`. */
  md5: string;
  sha256: string;
}

/** `length` bytes of `file` from `start` (fewer at its end), with their MD5 and SHA-256. */
export async function readHashedChunk(file: string, start: number, length: number): Promise<HashedChunk> {
  const reply = await request({ op: 'read', file, start, length });
  return {
    body: Buffer.from(reply.body as ArrayBuffer, 0, reply.length as number),
    md5: reply.md5 as string,
    sha256: reply.sha256 as string,
  };
}

/** The hex MD5 of a whole file, computed on the hashing thread. */
export async function md5FileInThread(file: string): Promise<string> {
  return (await request({ op: 'md5', file })).md5 as string;
}

/**
 * Reads the file once on the hashing thread, hashing the whole and each part as lib-storage
 * will cut it.
 */
export async function digestFileInThread(file: string, partSize: number): Promise<FileDigest> {
  const reply = await request({ op: 'digest', file, partSize });
  const parts = reply.parts as Uint8Array;
  const partDigests: Buffer[] = [];
  for (let at = 0; at < parts.byteLength; at += 16)
    partDigests.push(Buffer.from(parts.subarray(at, at + 16)));
  return {
    size: reply.size as number,
    md5: reply.md5 as string,
    multipartEtag: multipartEtagOf(partDigests),
    partSize,
  };
}
