import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  createS3Client,
  downloadObject,
  EMBEDDED_S3_CREDENTIALS,
  type EmbeddedS3,
  listUploadedParts,
  presignUploadPart,
  startEmbeddedS3,
} from '../src/index.ts';

// A browser's multipart upload against the embedded server: parts PUT to presigned URLs from the
// web app's origin, listed to resume, completed; an upload aborted is gone.
const origin = 'http://app.example.test:3000';
const bucket = 'upload-raw';
let dataDir: string;
let s3: EmbeddedS3;
let client: S3Client;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'folkemote-s3-upload-'));
  s3 = await startEmbeddedS3({
    port: 0,
    dataDir,
    buckets: [bucket, 'upload-public'],
    publicBuckets: ['upload-public'],
    uploadOrigins: [origin],
  });
  client = createS3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    ...EMBEDDED_S3_CREDENTIALS,
    forcePathStyle: true,
    rawBucket: bucket,
    publicBucket: 'upload-public',
    publicBaseUrl: `${s3.endpoint}/upload-public`,
  });
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const put = (url: string, body: Buffer) =>
  fetch(url, { method: 'PUT', body: new Uint8Array(body), headers: { origin } });

describe('browser multipart uploads on the embedded S3-protocol server', () => {
  it('takes parts at presigned URLs, lists them, and joins them in order', async () => {
    const key = 'recordings/a/source';
    const uploadId = await createMultipartUpload(client, { bucket, key });
    const parts = [randomBytes(1000), randomBytes(700)];
    expect(await listUploadedParts(client, { bucket, key, uploadId })).toEqual([]);
    const second = await presignUploadPart(client, {
      bucket,
      key,
      uploadId,
      partNumber: 2,
      expiresInSeconds: 60,
    });
    const answer = await put(second, parts[1]!);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('access-control-expose-headers')).toContain('ETag');
    const first = await presignUploadPart(client, {
      bucket,
      key,
      uploadId,
      partNumber: 1,
      expiresInSeconds: 60,
    });
    expect((await put(first, parts[0]!)).status).toBe(200);

    const listed = await listUploadedParts(client, { bucket, key, uploadId });
    expect(listed.map((p) => [p.partNumber, p.size])).toEqual([
      [1, 1000],
      [2, 700],
    ]);
    await completeMultipartUpload(client, { bucket, key, uploadId, parts: listed });
    const target = path.join(dataDir, 'joined');
    await downloadObject(client, bucket, key, target);
    expect(Buffer.compare(await readFile(target), Buffer.concat(parts))).toBe(0);
  });

  it('drops an aborted upload with its parts', async () => {
    const key = 'recordings/b/source';
    const uploadId = await createMultipartUpload(client, { bucket, key });
    const url = await presignUploadPart(client, {
      bucket,
      key,
      uploadId,
      partNumber: 1,
      expiresInSeconds: 60,
    });
    await put(url, randomBytes(10));
    await abortMultipartUpload(client, { bucket, key, uploadId });
    await expect(listUploadedParts(client, { bucket, key, uploadId })).rejects.toMatchObject({
      name: 'NoSuchUpload',
    });
    // Aborting again is no error.
    await abortMultipartUpload(client, { bucket, key, uploadId });
  });

  it('lets the web app’s origin, and no other, send parts across origins', async () => {
    const preflight = (from: string) =>
      fetch(`${s3.endpoint}/${bucket}/recordings/c/source?partNumber=1&uploadId=x`, {
        method: 'OPTIONS',
        headers: { origin: from, 'access-control-request-method': 'PUT' },
      });
    expect((await preflight(origin)).status).toBe(200);
    expect((await preflight('https://evil.example')).status).toBe(403);
    // Without a signature nothing is written to the raw bucket.
    const unsigned = await fetch(`${s3.endpoint}/${bucket}/recordings/c/source`, {
      method: 'PUT',
      body: 'x',
    });
    expect(unsigned.status).toBe(403);
  });
});
