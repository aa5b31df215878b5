import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5FileInThread, readHashedChunk } from './hash-thread.ts';

describe('the hashing thread', () => {
  let dir: string;
  let file: string;
  const data = randomBytes(2500);
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folkemote-hash-thread-'));
    file = path.join(dir, 'data.bin');
    await writeFile(file, data);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a range of a file with its MD5 and SHA-256', async () => {
    const chunk = await readHashedChunk(file, 1000, 1000);
    const expected = data.subarray(1000, 2000);
    expect(chunk.body.equals(expected)).toBe(true);
    expect(chunk.md5).toBe(createHash('md5').update(expected).digest('hex'));
    expect(chunk.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it('stops at the end of the file', async () => {
    const chunk = await readHashedChunk(file, 2000, 1000);
    expect(chunk.body.equals(data.subarray(2000))).toBe(true);
  });

  it('hashes a whole file', async () => {
    expect(await md5FileInThread(file)).toBe(createHash('md5').update(data).digest('hex'));
  });

  it('rejects with the file system error for a missing file, and keeps working', async () => {
    await expect(readHashedChunk(path.join(dir, 'missing.bin'), 0, 10)).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect((await readHashedChunk(file, 0, 10)).body.equals(data.subarray(0, 10))).toBe(true);
  });
});
