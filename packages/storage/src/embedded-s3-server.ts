/// <reference path="./types/s3rver.d.ts" />
// The reference carries s3rver's declarations to every program that compiles this file.
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import s3rverAccount from 's3rver/lib/models/account.js';
import type { EmbeddedS3Options } from './embedded-s3.ts';
import { serveMultipartExtras, type UploadStore } from './embedded-s3-multipart.ts';

export interface EmbeddedS3Server {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

// Lets hls.js and fetch() on other origins (the organiser app) read the replay files.
const PUBLIC_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>Content-Length</ExposeHeader>
    <ExposeHeader>Content-Range</ExposeHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/**
 * Lets the organiser app PUT the parts of a multipart upload to presigned URLs (and read the
 * ETag of each). The URL's signature is what grants the write; the origins are the web app's.
 */
function uploadCors(origins: string[]): string {
  const allowed = origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('');
  return `<CORSConfiguration>
  <CORSRule>
    ${allowed}
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;
}

// Keys ending in '/' serve their index.html, as a CDN or an S3 website endpoint would.
const PUBLIC_WEBSITE = `<WebsiteConfiguration>
  <IndexDocument><Suffix>index.html</Suffix></IndexDocument>
</WebsiteConfiguration>`;

/**
 * Serves s3rver on this thread (startEmbeddedS3 runs it on a thread of its own). Requests
 * without a signature may only read objects of the public buckets; s3rver itself would let
 * anyone write anywhere.
 */
export async function serveEmbeddedS3(options: EmbeddedS3Options): Promise<EmbeddedS3Server> {
  const host = options.host ?? '127.0.0.1';
  const publicBuckets = new Set(options.publicBuckets ?? options.buckets);
  for (const bucket of publicBuckets) {
    if (!options.buckets.includes(bucket))
      throw new Error(`public bucket "${bucket}" is not among the buckets`);
  }
  if (options.credentials) {
    s3rverAccount.DUMMY_ACCOUNT.createKeyPair(
      options.credentials.accessKeyId,
      options.credentials.secretAccessKey,
    );
  }
  await mkdir(options.dataDir, { recursive: true });

  const s3rver = new S3rver({
    directory: options.dataDir,
    silent: true,
    // A host name such as folkemote.local would otherwise be taken for a bucket name.
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({
      name,
      configs: publicBuckets.has(name)
        ? [PUBLIC_CORS, PUBLIC_WEBSITE]
        : options.uploadOrigins?.length
          ? [uploadCors(options.uploadOrigins)]
          : [],
    })),
  });
  await s3rver.configureBuckets();
  // The request log is silent, but each request would still be formatted for it.
  s3rver.middleware = s3rver.middleware.filter((middleware) => middleware.name !== 'logger');

  const server = createServer(
    guardAnonymous(
      serveMultipartExtras(
        fixRanges(s3rver.callback(), (bucket, key) => objectSize(s3rver, bucket, key)),
        s3rver.store as unknown as UploadStore,
      ),
      publicBuckets,
    ),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    endpoint: `http://${urlHost}:${port}`,
    port,
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets of S3 clients would hold close() open until they time out.
        server.closeAllConnections();
      });
      // s3rver's logger stays open: a request cut off by the close may still log when it settles.
    },
  };
}

function guardAnonymous(handle: RequestListener, publicBuckets: Set<string>): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (isSigned(req) || req.method === 'OPTIONS' || isPublicRead(req, publicBuckets)) {
      handle(req, res);
      return;
    }
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>' +
      '<Message>Anonymous requests may only read the public bucket.</Message></Error>';
    res.writeHead(403, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
}

type SizeOf = (bucket: string, key: string) => Promise<number | undefined>;

/**
 * s3rver reads `bytes=-N` (the last N bytes) as `bytes=0-N` and garbles multi-range requests.
 * A suffix range becomes an open range from size - N; several ranges are dropped, which HTTP
 * allows (the whole object is sent with 200).
 */
function fixRanges(handle: RequestListener, sizeOf: SizeOf): RequestListener {
  return (req, res) => {
    const range = req.headers.range;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || range === undefined) {
      handle(req, res);
      return;
    }
    if (range.includes(',')) {
      delete req.headers.range;
      handle(req, res);
      return;
    }
    const suffix = /^bytes=-(\d+)$/.exec(range.trim());
    if (!suffix) {
      handle(req, res);
      return;
    }
    const { bucket, key } = locate(req);
    sizeOf(bucket, key).then(
      (size) => {
        if (size !== undefined) {
          const length = Number(suffix[1]);
          if (length === 0) delete req.headers.range;
          else req.headers.range = `bytes=${Math.max(0, size - length)}-`;
        }
        handle(req, res);
      },
      () => handle(req, res),
    );
  };
}

async function objectSize(s3rver: S3rver, bucket: string, key: string): Promise<number | undefined> {
  if (bucket === '' || key === '') return undefined;
  try {
    return Number((await s3rver.store.getMetadata(bucket, key))['content-length']);
  } catch {
    return undefined;
  }
}

function locate(req: IncomingMessage): { bucket: string; key: string } {
  const { pathname } = new URL(req.url ?? '/', 'http://embedded');
  const [, bucket = '', ...rest] = pathname.split('/');
  return { bucket: safeDecode(bucket), key: safeDecode(rest.join('/')) };
}

// A malformed escape must not throw inside the request listener, which would end the process.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function isSigned(req: IncomingMessage): boolean {
  if (req.headers.authorization) return true;
  const query = new URL(req.url ?? '/', 'http://embedded').searchParams;
  return query.has('X-Amz-Algorithm') || query.has('Signature');
}

function isPublicRead(req: IncomingMessage, publicBuckets: Set<string>): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return publicBuckets.has(locate(req).bucket);
}
