import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPrefix, headObject, listObjects, publicKeys, putObject, rawKeys } from '../src/index.ts';
import { recordCommands } from './support/command-log.ts';
import { startTestS3, type TestS3 } from './support/test-s3.ts';

describe('copying a version between buckets inside the store', () => {
  let s3: TestS3;
  const review = { bucket: 'test-raw', prefix: rawKeys.reviewVersionPrefix('rec1', 'ver1') };
  const published = { bucket: 'test-public', prefix: publicKeys.versionPrefix('rec1', 'ver1') };
  const files = ['master.m3u8', '720p/playlist.m3u8', '720p/seg_00001.m4s', 'poster.jpg'];

  beforeAll(async () => {
    s3 = await startTestS3();
    for (const name of files)
      await putObject(s3.client, {
        bucket: review.bucket,
        key: review.prefix + name,
        body: `innhold av ${name}`,
        contentType: name.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'application/octet-stream',
        cacheControl: 'public, max-age=31536000, immutable',
      });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('copies every object with its headers, the master playlist last, and nothing twice', async () => {
    const log = recordCommands(s3.client);
    expect(await copyPrefix(s3.client, review, published, { last: ['master.m3u8'] })).toBe(files.length);
    const copies = log.events.filter((e) => e.phase === 'start' && e.command === 'CopyObjectCommand');
    log.detach();
    expect(copies.map((e) => e.key).at(-1)).toBe(`${published.prefix}master.m3u8`);
    const there = await listObjects(s3.client, published.bucket, published.prefix);
    expect([...there.keys()].sort()).toEqual(files.map((f) => published.prefix + f).sort());
    const master = await headObject(s3.client, published.bucket, `${published.prefix}master.m3u8`);
    expect(master?.contentType).toBe('application/vnd.apple.mpegurl');
    expect(master?.cacheControl).toBe('public, max-age=31536000, immutable');
    const body = await (await fetch(`${s3.settings.publicBaseUrl}/${published.prefix}poster.jpg`)).text();
    expect(body).toBe('innhold av poster.jpg');
    expect(await copyPrefix(s3.client, review, published, { last: ['master.m3u8'] })).toBe(0);
  });

  it('copies nothing from an empty prefix, and refuses a prefix that could take its neighbours', async () => {
    expect(await copyPrefix(s3.client, { bucket: 'test-raw', prefix: 'review/none/' }, published)).toBe(0);
    await expect(
      copyPrefix(s3.client, { bucket: 'test-raw', prefix: 'review/rec1' }, published),
    ).rejects.toThrow(/ending with "\/"/);
  });
});
