import { once } from 'node:events';
import { serveEmbeddedS3 } from './embedded-s3-server.ts';
import { startTypeScriptThread } from './typescript-thread.ts';

/** s3rver's built-in key pair; it checks the access key id but not V4 signatures. */
export const EMBEDDED_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface EmbeddedS3Options {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Objects live here across restarts. */
  dataDir: string;
  /** Created when missing. */
  buckets: string[];
  /**
   * Buckets a browser may read without signing (GET and HEAD of objects, CORS for any origin,
   * index.html for keys ending in '/'). Defaults to every bucket; pass the public bucket only
   * to keep raw recordings private.
   */
  publicBuckets?: string[];
  /**
   * Origins (the web app's) that may PUT parts of a multipart upload to a presigned URL in the
   * buckets that are not public; '*' for any. None: no CORS there.
   */
  uploadOrigins?: string[];
  /** A key pair to accept besides EMBEDDED_S3_CREDENTIALS. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface EmbeddedS3 {
  /** e.g. http://127.0.0.1:3900 — use it with path-style addressing. */
  endpoint: string;
  port: number;
  /** False where no TypeScript loader was at hand for a thread and the server shares this one. */
  onThread: boolean;
  stop(): Promise<void>;
}

type ThreadMessage =
  | { ready: { endpoint: string; port: number } }
  | { failed: { message: string; code?: string } }
  | { stopped: true; error?: string };

/**
 * Starts s3rver, the S3-protocol server `pnpm dev` uses when no S3_ENDPOINT is set, on a
 * thread of its own: storing and serving gigabytes (hashing every byte on the way) then does
 * not hold up the event loop of the API and the worker beside it. Requests without a
 * signature may only read objects of the public buckets.
 */
export async function startEmbeddedS3(options: EmbeddedS3Options): Promise<EmbeddedS3> {
  const thread = startTypeScriptThread(new URL('./embedded-s3-thread.ts', import.meta.url), {
    workerData: options,
  });
  if (!thread) {
    const server = await serveEmbeddedS3(options);
    return { endpoint: server.endpoint, port: server.port, onThread: false, stop: () => server.close() };
  }
  const stopped = once(thread, 'exit');
  let ready: { endpoint: string; port: number };
  try {
    const [message] = (await Promise.race([once(thread, 'message'), stopped])) as [ThreadMessage | number];
    if (typeof message === 'number') throw new Error(`the embedded S3 thread stopped with code ${message}`);
    if ('failed' in message)
      throw Object.assign(new Error(message.failed.message), { code: message.failed.code });
    if (!('ready' in message)) throw new Error('the embedded S3 thread did not start');
    ready = message.ready;
  } catch (error) {
    await thread.terminate();
    throw error;
  }
  return {
    ...ready,
    onThread: true,
    async stop() {
      thread.postMessage('stop');
      await Promise.race([once(thread, 'message'), stopped]);
      await thread.terminate();
    },
  };
}
