import { readdir, readFile, rm, stat } from 'node:fs/promises';
import type { RequestListener, ServerResponse } from 'node:http';
import path from 'node:path';

/** The part of s3rver's file store that knows where a bucket's multipart uploads live. */
export interface UploadStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
}

/**
 * s3rver stores multipart uploads but answers neither ListParts (GET ?uploadId) nor
 * AbortMultipartUpload (DELETE ?uploadId), and completes an upload with a missing part by failing
 * mid-stream. These three are answered here, from its own upload folders, as S3 answers them.
 * Only signed requests reach this (see guardAnonymous).
 */
export function serveMultipartExtras(handle: RequestListener, store: UploadStore): RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://embedded');
    const uploadId = url.searchParams.get('uploadId');
    const isList = req.method === 'GET' && uploadId !== null && !url.searchParams.has('partNumber');
    const isAbort = req.method === 'DELETE' && uploadId !== null;
    if (uploadId === null || !(isList || isAbort) || !/^[\w-]+$/.test(uploadId)) {
      handle(req, res);
      return;
    }
    const [, bucket = '', ...rest] = url.pathname.split('/');
    const dir = path.join(store.getResourcePath(decodeURIComponent(bucket), undefined, 'uploads'), uploadId);
    const key = safeDecode(rest.join('/'));
    const answer = isList ? listParts(dir, bucket, key, uploadId, res) : abort(dir, res);
    answer.catch(() => {
      if (!res.headersSent) sendXml(res, 500, errorXml('InternalError', 'The upload could not be read'));
      else res.end();
    });
  };
}

async function uploadExists(dir: string): Promise<boolean> {
  return stat(path.join(dir, 'key')).then(
    () => true,
    () => false,
  );
}

async function listParts(dir: string, bucket: string, key: string, uploadId: string, res: ServerResponse) {
  if (!(await uploadExists(dir))) return noSuchUpload(res);
  const numbers = (await readdir(dir))
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
  const parts: string[] = [];
  for (const n of numbers) {
    const [info, md5] = await Promise.all([
      stat(path.join(dir, String(n))),
      readFile(path.join(dir, `${n}.md5`), 'utf8').catch(() => null),
    ]);
    // A part still being written has no checksum yet: it is not uploaded.
    if (md5 === null) continue;
    parts.push(
      `<Part><PartNumber>${n}</PartNumber><LastModified>${info.mtime.toISOString()}</LastModified>` +
        `<ETag>"${md5.trim()}"</ETag><Size>${info.size}</Size></Part>`,
    );
  }
  sendXml(
    res,
    200,
    `<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${escapeXml(bucket)}</Bucket>` +
      `<Key>${escapeXml(key)}</Key><UploadId>${uploadId}</UploadId><MaxParts>10000</MaxParts>` +
      `<IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`,
  );
}

async function abort(dir: string, res: ServerResponse) {
  if (!(await uploadExists(dir))) return noSuchUpload(res);
  await rm(dir, { recursive: true, force: true });
  res.writeHead(204);
  res.end();
}

function noSuchUpload(res: ServerResponse) {
  sendXml(res, 404, errorXml('NoSuchUpload', 'The specified upload does not exist.'));
}

function errorXml(code: string, message: string): string {
  return `<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

function sendXml(res: ServerResponse, status: number, body: string) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(xml) });
  res.end(xml);
}

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
