import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etagMatches, multipartEtagOf, normalizeEtag } from './file-digest.ts';
import { digestFileInThread as digestFile } from './hash-thread.ts';

const md5 = (data: Buffer) => createHash('md5').update(data).digest();

describe('digesting a file on the hashing thread', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folkemote-digest-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('hashes the whole file and each part as lib-storage cuts it', async () => {
    const partSize = 1000;
    const data = randomBytes(2500);
    const file = path.join(dir, 'three-parts.bin');
    await writeFile(file, data);

    const digest = await digestFile(file, partSize);

    expect(digest.size).toBe(2500);
    expect(digest.md5).toBe(md5(data).toString('hex'));
    const parts = [data.subarray(0, 1000), data.subarray(1000, 2000), data.subarray(2000)].map(md5);
    expect(digest.multipartEtag).toBe(`${md5(Buffer.concat(parts)).toString('hex')}-3`);
  });

  it('does not add an empty part when the size is a multiple of the part size', async () => {
    const data = randomBytes(2000);
    const file = path.join(dir, 'two-parts.bin');
    await writeFile(file, data);

    const digest = await digestFile(file, 1000);

    expect(digest.multipartEtag.endsWith('-2')).toBe(true);
  });

  it('hashes a file of one part once: its only part is the whole', async () => {
    const data = randomBytes(700);
    const file = path.join(dir, 'one-part.bin');
    await writeFile(file, data);

    const digest = await digestFile(file, 1000);

    expect(digest.md5).toBe(md5(data).toString('hex'));
    expect(digest.multipartEtag).toBe(`${md5(md5(data)).toString('hex')}-1`);
  });

  it('gives an empty file the MD5 of nothing', async () => {
    const file = path.join(dir, 'empty.bin');
    await writeFile(file, '');

    const digest = await digestFile(file, 1000);

    expect(digest).toMatchObject({ size: 0, md5: 'd41d8cd98f00b204e9800998ecf8427e' });
  });
});

describe('etagMatches', () => {
  const digest = {
    size: 10,
    md5: '0123456789abcdef0123456789abcdef',
    multipartEtag: multipartEtagOf([Buffer.alloc(16, 1), Buffer.alloc(16, 2)]),
    partSize: 5,
  };

  it('compares a plain ETag with the MD5, ignoring quotes and case', () => {
    expect(etagMatches('"0123456789ABCDEF0123456789ABCDEF"', digest)).toBe(true);
    expect(etagMatches('"0123456789abcdef0123456789abcdee"', digest)).toBe(false);
  });

  it('compares a multipart ETag with the one computed for the part size', () => {
    expect(etagMatches(`"${digest.multipartEtag}"`, digest)).toBe(true);
    expect(etagMatches(`"${digest.md5}-2"`, digest)).toBe(false);
  });

  it('strips the weak marker and quotes', () => {
    expect(normalizeEtag('W/"AbC-2"')).toBe('abc-2');
  });
});
