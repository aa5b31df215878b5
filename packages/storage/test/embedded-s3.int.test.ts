import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkS3,
  createS3Client,
  EMBEDDED_S3_CREDENTIALS,
  ensureBuckets,
  headObject,
  IMMUTABLE_CACHE_CONTROL,
  publicKeys,
  putObject,
  SHORT_CACHE_CONTROL,
  startEmbeddedS3,
} from '../src/index.ts';
import { startTestS3, type TestS3 } from './support/test-s3.ts';

describe('the embedded S3-protocol server', () => {
  let s3: TestS3;
  const segment = randomBytes(1000);
  const segmentKey = `${publicKeys.versionPrefix('rec1', 'ver1')}720p/seg_00001.m4s`;
  let segmentUrl: string;

  beforeAll(async () => {
    s3 = await startTestS3();
    segmentUrl = `${s3.settings.publicBaseUrl}/${segmentKey}`;
    await putObject(s3.client, { bucket: 'test-public', key: segmentKey, body: segment });
    await putObject(s3.client, {
      bucket: 'test-public',
      key: publicKeys.replayPage('rec1'),
      body: '<!doctype html><html lang="nb"><title>Opptak</title></html>',
    });
    await putObject(s3.client, { bucket: 'test-raw', key: 'recordings/rec1/source.mp4', body: 'raw' });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('serves a browser the stored Content-Type, Cache-Control and ETag without a signature', async () => {
    const response = await fetch(segmentUrl);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/iso.segment');
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Buffer.from(await response.arrayBuffer()).equals(segment)).toBe(true);
  });

  it('answers HEAD with the same headers and no body', async () => {
    const response = await fetch(segmentUrl, { method: 'HEAD' });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(segment.length));
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE_CACHE_CONTROL);
  });

  it('serves byte ranges, suffix ranges included, as <video> and hls.js ask for them', async () => {
    const first = await fetch(segmentUrl, { headers: { Range: 'bytes=0-99' } });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${segment.length}`);
    expect(Buffer.from(await first.arrayBuffer()).equals(segment.subarray(0, 100))).toBe(true);

    const open = await fetch(segmentUrl, { headers: { Range: 'bytes=900-' } });
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer()).equals(segment.subarray(900))).toBe(true);

    const suffix = await fetch(segmentUrl, { headers: { Range: 'bytes=-50' } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe(`bytes 950-999/${segment.length}`);
    expect(Buffer.from(await suffix.arrayBuffer()).equals(segment.subarray(950))).toBe(true);

    const several = await fetch(segmentUrl, { headers: { Range: 'bytes=0-9,20-29' } });
    expect(several.status).toBe(200);
    expect(Buffer.from(await several.arrayBuffer()).equals(segment)).toBe(true);
  });

  it('lets pages on other origins read the public bucket', async () => {
    const response = await fetch(segmentUrl, { headers: { Origin: 'https://kommune.example' } });

    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });

  it('serves index.html for a key ending in "/"', async () => {
    const response = await fetch(`${s3.settings.publicBaseUrl}/replays/rec1/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(SHORT_CACHE_CONTROL);
    expect(await response.text()).toContain('<title>Opptak</title>');
  });

  it('refuses unsigned reads of the raw bucket, unsigned writes and unsigned listings', async () => {
    const raw = await fetch(`${s3.s3.endpoint}/test-raw/recordings/rec1/source.mp4`);
    expect(raw.status).toBe(403);

    const put = await fetch(`${s3.settings.publicBaseUrl}/replays/rec1/index.html`, {
      method: 'PUT',
      body: 'x',
    });
    expect(put.status).toBe(403);
    const del = await fetch(segmentUrl, { method: 'DELETE' });
    expect(del.status).toBe(403);
    expect(await headObject(s3.client, 'test-public', segmentKey)).not.toBeNull();

    const listing = await fetch(`${s3.settings.publicBaseUrl}/?list-type=2`);
    expect(await listing.text()).not.toContain('ListBucketResult');
  });

  it('keeps objects across a restart on the same data directory', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'folkemote-s3-restart-'));
    try {
      const first = await startEmbeddedS3({ dataDir, buckets: ['keep-public'] });
      // Serving and storing run beside this thread, not on it.
      expect(first.onThread).toBe(true);
      const settings = {
        endpoint: first.endpoint,
        region: 'us-east-1',
        ...EMBEDDED_S3_CREDENTIALS,
        forcePathStyle: true,
        rawBucket: 'keep-public',
        publicBucket: 'keep-public',
        publicBaseUrl: `${first.endpoint}/keep-public`,
      };
      const client = createS3Client(settings);
      await putObject(client, { bucket: 'keep-public', key: 'feed.json', body: '{"items":[]}' });
      client.destroy();
      await first.stop();

      const second = await startEmbeddedS3({ dataDir, buckets: ['keep-public'] });
      const response = await fetch(`${second.endpoint}/keep-public/feed.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.text()).toBe('{"items":[]}');
      await second.stop();
      await expect(fetch(`${second.endpoint}/keep-public/feed.json`)).rejects.toThrow();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('ensureBuckets and checkS3', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('creates missing buckets once', async () => {
    const settings = { ...s3.settings, rawBucket: 'fresh-raw', publicBucket: 'fresh-public' };

    expect(await checkS3(s3.client, settings)).toMatchObject({ ok: false });
    expect(await ensureBuckets(s3.client, settings)).toEqual({ created: ['fresh-raw', 'fresh-public'] });
    expect(await ensureBuckets(s3.client, settings)).toEqual({ created: [] });
    expect(await checkS3(s3.client, settings)).toEqual({ ok: true });
  });

  it('refuses a public bucket that is not among the buckets, as its thread reports it', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'folkemote-s3-refused-'));
    try {
      await expect(
        startEmbeddedS3({ dataDir, buckets: ['only-raw'], publicBuckets: ['elsewhere'] }),
      ).rejects.toThrow('public bucket "elsewhere" is not among the buckets');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('names the missing bucket', async () => {
    const health = await checkS3(s3.client, { ...s3.settings, rawBucket: 'nowhere-raw' });

    expect(health).toEqual({ ok: false, error: 'bucket "nowhere-raw" does not exist' });
  });

  it('reports a server that does not answer instead of waiting for it', async () => {
    // A port that was just free: nothing listens there any more.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const settings = { ...s3.settings, endpoint: `http://127.0.0.1:${port}` };
    const client = createS3Client(settings);

    const health = await checkS3(client, settings, { timeoutMs: 1_000 });
    client.destroy();

    expect(health.ok).toBe(false);
    expect(health.ok === false && health.error).toMatch(/ECONNREFUSED/);
  });
});
