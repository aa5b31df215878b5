import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputDirectoryNotEmptyError } from './errors.ts';
import { listOutputFiles, prepareOutputDir } from './output-dir.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folkemote-outdir-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('prepareOutputDir', () => {
  it('creates a missing directory', async () => {
    await prepareOutputDir(join(dir, 'new', 'out'));
    expect(await readdir(join(dir, 'new'))).toEqual(['out']);
  });

  it('empties an earlier transcode but keeps the directory', async () => {
    await writeFile(join(dir, 'master.m3u8'), '#EXTM3U\n');
    await mkdir(join(dir, '720p'));
    await writeFile(join(dir, '720p', 'seg_00000.m4s'), 'x');
    await prepareOutputDir(dir);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a directory holding someone else’s files, and touches nothing', async () => {
    await writeFile(join(dir, 'thesis.docx'), 'important');
    await expect(prepareOutputDir(dir)).rejects.toBeInstanceOf(OutputDirectoryNotEmptyError);
    expect(await readdir(dir)).toEqual(['thesis.docx']);
  });
});

describe('listOutputFiles', () => {
  it('lists files recursively with / separators, scratch files left out', async () => {
    await mkdir(join(dir, '360p'));
    await mkdir(join(dir, '.work'));
    await writeFile(join(dir, '360p', 'init.mp4'), 'x');
    await writeFile(join(dir, 'master.m3u8'), 'x');
    await writeFile(join(dir, '.work', 'poster-0.jpg'), 'x');
    expect(await listOutputFiles(dir)).toEqual(['360p/init.mp4', 'master.m3u8']);
  });
});
