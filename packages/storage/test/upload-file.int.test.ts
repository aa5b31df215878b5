import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestFileInThread, downloadObject, headObject, objectExists, uploadFile } from '../src/index.ts';
import { startTestS3, type TestS3 } from './support/test-s3.ts';

const MiB = 1024 * 1024;
const partSize = 5 * MiB;

describe('uploadFile and downloadObject', () => {
  let s3: TestS3;
  let dir: string;
  let large: string;
  let small: string;

  beforeAll(async () => {
    s3 = await startTestS3();
    dir = await mkdtemp(path.join(tmpdir(), 'folkemote-upload-'));
    large = path.join(dir, 'source.mp4');
    small = path.join(dir, 'chapters.txt');
    await writeFile(large, randomBytes(2 * partSize + MiB));
    await writeFile(small, 'Kapittel 1: Velkommen\n');
  });
  afterAll(async () => {
    await s3?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('uploads a large file in parts, reporting progress up to its size', async () => {
    const progress: number[] = [];

    const result = await uploadFile(s3.client, {
      bucket: 'test-raw',
      key: 'recordings/rec9/source.mp4',
      file: large,
      partSize,
      onProgress: (uploaded) => progress.push(uploaded),
    });

    const digest = await digestFileInThread(large, partSize);
    expect(result).toMatchObject({ size: digest.size, multipart: true, partSize });
    expect(progress.at(-1)).toBe(digest.size);
    const head = await headObject(s3.client, 'test-raw', 'recordings/rec9/source.mp4');
    expect(head).toMatchObject({ size: digest.size, contentType: 'video/mp4' });
  });

  it('uploads a small file in one PUT with the headers it is given', async () => {
    const result = await uploadFile(s3.client, {
      bucket: 'test-public',
      key: 'replays/rec9/chapters',
      file: small,
      contentType: 'text/plain; charset=utf-8',
      cacheControl: 'no-cache',
    });

    expect(result.multipart).toBe(false);
    expect(result.etag).toBe(
      createHash('md5')
        .update(await readFile(small))
        .digest('hex'),
    );
    const head = await headObject(s3.client, 'test-public', 'replays/rec9/chapters');
    expect(head).toMatchObject({ contentType: 'text/plain; charset=utf-8', cacheControl: 'no-cache' });
  });

  it('stops a multipart upload when its signal aborts, leaving no object behind', async () => {
    const controller = new AbortController();

    const upload = uploadFile(s3.client, {
      bucket: 'test-raw',
      key: 'recordings/rec10/source.mp4',
      file: large,
      partSize,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });

    await expect(upload).rejects.toMatchObject({ name: 'AbortError' });
    expect(await objectExists(s3.client, 'test-raw', 'recordings/rec10/source.mp4')).toBe(false);
  });

  it('downloads an object to disk byte for byte, through a temporary file', async () => {
    const target = path.join(dir, 'work', 'rec9', 'source.mp4');

    const result = await downloadObject(s3.client, 'test-raw', 'recordings/rec9/source.mp4', target);

    const [original, copy] = await Promise.all([readFile(large), readFile(target)]);
    expect(copy.equals(original)).toBe(true);
    expect(result.size).toBe(original.length);
    await expect(readFile(`${target}.download`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('fails clearly for a missing object and leaves no file', async () => {
    const target = path.join(dir, 'work', 'missing.mp4');

    await expect(
      downloadObject(s3.client, 'test-raw', 'recordings/none/source.mp4', target),
    ).rejects.toMatchObject({
      name: 'NoSuchKey',
    });
    await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
