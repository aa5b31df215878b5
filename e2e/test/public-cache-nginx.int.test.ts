import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IMMUTABLE_CACHE_CONTROL, putObject } from '@folkemote/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CachedBucket, startCachedBucket } from '../src/cached-bucket.ts';
import { findNginx, type RunningNginx, testNginxConfig } from '../src/public-cache-nginx.ts';

type S3Client = CachedBucket['client'];

// scripts/bootstrap.sh installs nginx-light; without it there is nothing to check the file with.
const nginx = findNginx();
if (!nginx) console.warn('nginx is not installed (scripts/bootstrap.sh installs nginx-light): skipped');

const bucket = 'cache-public';

describe.skipIf(!nginx)('infra/nginx/public-cache.conf in front of the public bucket', () => {
  let dir: string;
  let cached: CachedBucket;
  let client: S3Client;
  let proxy: RunningNginx;
  let configFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folkemote-public-cache-'));
    cached = await startCachedBucket(nginx!, dir, bucket);
    ({ client, proxy, configFile } = cached);
  });

  afterAll(async () => {
    await cached?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const originLines = async (key: string) =>
    (await readFile(proxy.originLog, 'utf8').catch(() => ''))
      .split('\n')
      .filter((line) => line.split(' ')[4] === `/${bucket}/${key}` && line.split(' ')[2] !== '-');

  it('passes nginx -t with every name replaced', async () => {
    const output = await testNginxConfig(nginx!, configFile);
    expect(output).toContain('test is successful');
    const rendered = await readFile(path.join(path.dirname(configFile), 'public-cache.conf'), 'utf8');
    const active = rendered.split('\n').filter((line) => !line.trimStart().startsWith('#'));
    expect(active.join('\n')).not.toMatch(/\$\{PUBLIC_/);
  });

  it('fetches an immutable segment from the origin once for many simultaneous viewers', async () => {
    const key = 'replays/b1/live/720p/segment_00001.ts';
    await putObject(client, {
      bucket,
      key,
      body: Buffer.alloc(300_000, 7),
      contentType: 'video/mp2t',
      cacheControl: IMMUTABLE_CACHE_CONTROL,
    });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${proxy.url}/${key}`, { headers: { cookie: 'a=b' } })),
    );
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBe(300_000);
      expect(response.headers.get('cache-control')).toBe(IMMUTABLE_CACHE_CONTROL);
    }
    const again = await fetch(`${proxy.url}/${key}?cache-buster=1`, {
      headers: { origin: 'https://www.example-kommune.no' },
    });
    await again.arrayBuffer();
    expect(again.headers.get('x-cache-status')).toBe('HIT');
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    expect(await originLines(key)).toHaveLength(1);
  });

  it('keeps the origin max-age=1 of a live playlist and serves a folder its index.html', async () => {
    const playlist = 'replays/b1/live/720p/live.m3u8';
    await putObject(client, {
      bucket,
      key: playlist,
      body: '#EXTM3U\n',
      contentType: 'application/vnd.apple.mpegurl',
      cacheControl: 'public, max-age=1',
    });
    await putObject(client, {
      bucket,
      key: 'replays/b1/index.html',
      body: '<!doctype html><title>x</title>',
    });
    const first = await fetch(`${proxy.url}/${playlist}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=1');
    expect(await first.text()).toBe('#EXTM3U\n');
    const page = await fetch(`${proxy.url}/replays/b1/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>x</title>');
  });

  it('refuses anything but reading', async () => {
    const response = await fetch(`${proxy.url}/replays/b1/x.txt`, { method: 'PUT', body: 'x' });
    expect(response.status).toBe(403);
  });
});
