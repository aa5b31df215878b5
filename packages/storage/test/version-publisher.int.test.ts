import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVersionPublisher,
  DEFAULT_PART_SIZE,
  listObjects,
  PublishVersionError,
  publicKeys,
  putObject,
} from '../src/index.ts';
import { recordCommands } from './support/command-log.ts';
import { startTestS3, type TestS3 } from './support/test-s3.ts';
import { makeVersionDir, type VersionDir } from './support/version-dir.ts';

const md5 = (body: Buffer | string) => createHash('md5').update(body).digest('hex');

describe('a version published while its files are still being written', () => {
  let s3: TestS3;
  let version: VersionDir;
  const bucket = 'test-public';

  beforeAll(async () => {
    s3 = await startTestS3();
    version = await makeVersionDir({ largeBytes: 2 * DEFAULT_PART_SIZE + 1024 * 1024, segments: 8 });
  });
  afterAll(async () => {
    await s3?.stop();
    if (version) await rm(version.dir, { recursive: true, force: true });
  });

  it('uploads files as they are added and the rest at the end, the master last', async () => {
    const prefix = publicKeys.versionPrefix('rec3', 'ver1');
    const log = recordCommands(s3.client);
    const publisher = createVersionPublisher(s3.client, { bucket, prefix, dir: version.dir, concurrency: 3 });
    const early = version.files.filter((f) => f.endsWith('.m4s'));
    for (const file of early) publisher.add(file);
    // Uploads start at once, before the version is finished.
    await expect.poll(() => log.writes().length).toBeGreaterThan(0);
    // A file written after that goes up with the rest.
    await mkdir(path.join(version.dir, 'late'), { recursive: true });
    await writeFile(path.join(version.dir, 'late', 'note.txt'), 'skrevet til slutt');

    const published = await publisher.finish([...version.files, 'late/note.txt'], ['master.m3u8']);
    log.detach();

    expect(published.map((o) => o.path).sort()).toEqual([...version.files, 'late/note.txt'].sort());
    expect(published.at(-1)?.path).toBe('master.m3u8');
    const masterPut = log.writes().findIndex((e) => e.key === `${prefix}master.m3u8`);
    expect(masterPut).toBe(log.writes().length - 1);
    // Each early file went up once although it is also among the files given to finish().
    const puts = log
      .writes()
      .filter((e) => e.command === 'PutObjectCommand')
      .map((e) => e.key);
    expect(new Set(puts).size).toBe(puts.length);
    const stored = await listObjects(s3.client, bucket, prefix);
    for (const file of version.files.filter((f) => f !== 'download.mp4')) {
      expect({ file, etag: stored.get(`${prefix}${file}`)?.etag }).toEqual({
        file,
        etag: md5(await readFile(path.join(version.dir, file))),
      });
    }
    const large = await fetch(`${s3.settings.publicBaseUrl}/${prefix}download.mp4`);
    expect(
      createHash('sha256')
        .update(Buffer.from(await large.arrayBuffer()))
        .digest('hex'),
    ).toBe(version.sha256.get('download.mp4'));
  });

  it('resumes from what the prefix holds: only missing or different files go up again', async () => {
    const prefix = publicKeys.versionPrefix('rec3', 'ver2');
    const first = createVersionPublisher(s3.client, { bucket, prefix, dir: version.dir });
    await first.finish(version.files, ['master.m3u8']);
    const changed = '360p/seg_00004.m4s';
    await putObject(s3.client, { bucket, key: `${prefix}${changed}`, body: 'not the segment' });

    const log = recordCommands(s3.client);
    const again = createVersionPublisher(s3.client, { bucket, prefix, dir: version.dir });
    const published = await again.finish(version.files, ['master.m3u8']);
    log.detach();

    expect(log.writes().map((e) => e.key)).toEqual([`${prefix}${changed}`]);
    expect(published.filter((o) => o.uploaded).map((o) => o.path)).toEqual([changed]);
    // What was stored is known from one listing, not from a request per file.
    expect(log.events.filter((e) => e.command === 'ListObjectsCommand' && e.phase === 'start')).toHaveLength(
      1,
    );
  });

  it('stops the uploads in flight on abort and refuses files once finishing', async () => {
    const prefix = publicKeys.versionPrefix('rec3', 'ver3');
    const publisher = createVersionPublisher(s3.client, { bucket, prefix, dir: version.dir });
    publisher.add('download.mp4');
    await publisher.abort();
    await expect(publisher.finish(version.files, ['master.m3u8'])).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(() => publisher.add('poster.jpg')).toThrow(PublishVersionError);
    expect((await listObjects(s3.client, bucket, prefix)).has(`${prefix}master.m3u8`)).toBe(false);
  });
});

describe('listObjects', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('pages through a prefix and leaves its neighbours out', async () => {
    const keys = Array.from({ length: 7 }, (_, i) => `replays/r/v/a/seg_${i}.m4s`);
    for (const key of keys) await putObject(s3.client, { bucket: 'test-public', key, body: key });
    await putObject(s3.client, { bucket: 'test-public', key: 'replays/r/v/ab/other', body: 'x' });

    const listed = await listObjects(s3.client, 'test-public', 'replays/r/v/a/', { pageSize: 3 });

    expect([...listed.keys()].sort()).toEqual([...keys].sort());
    expect(listed.get(keys[0]!)).toEqual({ size: keys[0]!.length, etag: md5(keys[0]!) });
  });
});
