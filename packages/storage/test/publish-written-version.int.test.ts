import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PART_SIZE,
  deletePrefix,
  headObject,
  IMMUTABLE_CACHE_CONTROL,
  listFiles,
  objectExists,
  PublishVersionError,
  publicKeys,
  putObject,
  SHORT_CACHE_CONTROL,
} from '../src/index.ts';
import { recordCommands } from './support/command-log.ts';
import { publishWrittenVersion } from './support/publish-written-version.ts';
import { startTestS3, type TestS3 } from './support/test-s3.ts';
import { makeVersionDir, type VersionDir } from './support/version-dir.ts';

describe('publishing a written version against an S3-protocol server', () => {
  let s3: TestS3;
  let version: VersionDir;
  const prefix = publicKeys.versionPrefix('rec1', 'ver1');
  const bucket = 'test-public';

  beforeAll(async () => {
    s3 = await startTestS3();
    // 2.5 parts of the default size, so the upload takes three parts.
    version = await makeVersionDir({ largeBytes: 2 * DEFAULT_PART_SIZE + 3 * 1024 * 1024, segments: 6 });
  });
  afterAll(async () => {
    await s3?.stop();
    if (version) await rm(version.dir, { recursive: true, force: true });
  });

  it('uploads every file, the large one in parts and the master last, and verifies them', async () => {
    const log = recordCommands(s3.client);
    const progress: Array<[number, number]> = [];

    const published = await publishWrittenVersion(s3.client, {
      bucket,
      prefix,
      dir: version.dir,
      lastFiles: ['master.m3u8'],
      onProgress: (uploaded, total) => progress.push([uploaded, total]),
    });

    log.detach();
    expect(published.map((object) => object.path).sort()).toEqual(version.files);
    expect(published.at(-1)?.path).toBe('master.m3u8');
    expect(published.every((object) => object.uploaded)).toBe(true);

    const parts = log.writes().filter((event) => event.command === 'UploadPartCommand');
    expect(parts).toHaveLength(3);
    expect(parts.every((event) => event.key === `${prefix}download.mp4`)).toBe(true);

    // The master's PUT starts after every other object has been uploaded and checked by HEAD.
    const masterKey = `${prefix}master.m3u8`;
    const masterStart = log.events.find((event) => event.key === masterKey && event.phase === 'start');
    const lastOtherEnd = log.events
      .filter((event) => event.key !== masterKey && event.phase === 'end')
      .at(-1);
    expect(masterStart?.command).toBe('HeadObjectCommand');
    const masterPut = log.events.find(
      (event) => event.key === masterKey && event.command === 'PutObjectCommand',
    );
    expect(masterPut!.seq).toBeGreaterThan(lastOtherEnd!.seq);
    const othersVerified = log.events.filter(
      (event) => event.command === 'HeadObjectCommand' && event.key !== masterKey && event.phase === 'end',
    );
    expect(othersVerified.length).toBeGreaterThanOrEqual(version.files.length - 1);

    const totalBytes = published.reduce((sum, object) => sum + object.size, 0);
    expect(progress.at(-1)).toEqual([totalBytes, totalBytes]);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
  });

  it('stores the right Content-Type and Cache-Control on every object', async () => {
    const expected: Record<string, [string, string]> = {
      'master.m3u8': ['application/vnd.apple.mpegurl', SHORT_CACHE_CONTROL],
      '360p/index.m3u8': ['application/vnd.apple.mpegurl', SHORT_CACHE_CONTROL],
      '360p/init.mp4': ['video/mp4', IMMUTABLE_CACHE_CONTROL],
      '360p/seg_00001.m4s': ['video/iso.segment', IMMUTABLE_CACHE_CONTROL],
      'audio/seg_00001.m4a': ['audio/mp4', IMMUTABLE_CACHE_CONTROL],
      'poster.jpg': ['image/jpeg', IMMUTABLE_CACHE_CONTROL],
      'sprite.vtt': ['text/vtt; charset=utf-8', IMMUTABLE_CACHE_CONTROL],
      'captions/nb.vtt': ['text/vtt; charset=utf-8', SHORT_CACHE_CONTROL],
      'manifest.json': ['application/json; charset=utf-8', SHORT_CACHE_CONTROL],
      'download.mp4': ['video/mp4', IMMUTABLE_CACHE_CONTROL],
    };
    for (const [relative, [contentType, cacheControl]] of Object.entries(expected)) {
      const head = await headObject(s3.client, bucket, `${prefix}${relative}`);
      expect({ relative, contentType: head?.contentType, cacheControl: head?.cacheControl }).toEqual({
        relative,
        contentType,
        cacheControl,
      });
    }
  });

  it('stores the large file byte for byte', async () => {
    const response = await fetch(`${s3.settings.publicBaseUrl}/${prefix}download.mp4`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(createHash('sha256').update(body).digest('hex')).toBe(version.sha256.get('download.mp4'));
  });

  it('uploads nothing on a re-run', async () => {
    const log = recordCommands(s3.client);

    const published = await publishWrittenVersion(s3.client, {
      bucket,
      prefix,
      dir: version.dir,
      files: version.files,
      lastFiles: ['master.m3u8'],
    });

    log.detach();
    expect(log.writes()).toEqual([]);
    expect(published.every((object) => !object.uploaded)).toBe(true);
    expect(published).toHaveLength(version.files.length);
  });

  it('after an interrupted run uploads only what is missing or damaged, the master still last', async () => {
    const damagedKey = `${prefix}360p/seg_00002.m4s`;
    const missingKey = `${prefix}360p/seg_00003.m4s`;
    const masterKey = `${prefix}master.m3u8`;
    const original = await readFile(path.join(version.dir, '360p', 'seg_00002.m4s'));
    // Same length, different bytes: only the ETag can tell.
    await putObject(s3.client, { bucket, key: damagedKey, body: Buffer.alloc(original.length, 7) });
    await deleteKeys([missingKey, masterKey]);
    const log = recordCommands(s3.client);

    const published = await publishWrittenVersion(s3.client, {
      bucket,
      prefix,
      dir: version.dir,
      lastFiles: ['master.m3u8'],
    });

    log.detach();
    const uploadedKeys = log.writes().map((event) => event.key);
    expect(uploadedKeys.slice(0, 2).sort()).toEqual([damagedKey, missingKey].sort());
    expect(uploadedKeys.slice(2)).toEqual([masterKey]);
    expect(
      published
        .filter((object) => object.uploaded)
        .map((object) => object.key)
        .sort(),
    ).toEqual([damagedKey, missingKey, masterKey].sort());
    const stored = await fetch(`${s3.settings.publicBaseUrl}/${damagedKey}`);
    expect(Buffer.from(await stored.arrayBuffer()).equals(original)).toBe(true);
  });

  it('refuses last files that are not among the files and a prefix without a trailing slash', async () => {
    await expect(
      publishWrittenVersion(s3.client, {
        bucket,
        prefix,
        dir: version.dir,
        files: ['poster.jpg'],
        lastFiles: ['master.m3u8'],
      }),
    ).rejects.toThrow(PublishVersionError);
    await expect(
      publishWrittenVersion(s3.client, {
        bucket,
        prefix: 'replays/rec1/v/ver1',
        dir: version.dir,
        lastFiles: [],
      }),
    ).rejects.toThrow('end with "/"');
    await expect(
      publishWrittenVersion(s3.client, {
        bucket,
        prefix,
        dir: version.dir,
        files: ['../etc/passwd'],
        lastFiles: [],
      }),
    ).rejects.toThrow('plain relative path');
  });

  it('stops at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      publishWrittenVersion(s3.client, {
        bucket,
        prefix,
        dir: version.dir,
        lastFiles: [],
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('deletePrefix removes a never-published version and leaves its neighbours', async () => {
    const neighbour = publicKeys.versionPrefix('rec1', 'ver10');
    await putObject(s3.client, { bucket, key: `${neighbour}master.m3u8`, body: '#EXTM3U\n' });

    const deleted = await deletePrefix(s3.client, bucket, prefix);

    expect(deleted).toBe((await listFiles(version.dir)).length);
    expect(await objectExists(s3.client, bucket, `${prefix}master.m3u8`)).toBe(false);
    expect(await objectExists(s3.client, bucket, `${neighbour}master.m3u8`)).toBe(true);
    await expect(deletePrefix(s3.client, bucket, 'replays/rec1')).rejects.toThrow('ending with "/"');
  });

  async function deleteKeys(keys: string[]) {
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    for (const key of keys) await s3.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }
});
