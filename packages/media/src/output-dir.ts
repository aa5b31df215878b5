import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { OutputDirectoryNotEmptyError } from './errors.ts';

/** Scratch files (poster candidates, joined renditions) live here and never reach the manifest. */
export const WORK_DIR = '.work';
export const MANIFEST_FILE = 'manifest.json';
export const MASTER_PLAYLIST = 'master.m3u8';

/** Names that mark a directory as an earlier transcode's output, which may be replaced. */
const OUR_MARKERS = new Set([MANIFEST_FILE, MASTER_PLAYLIST, WORK_DIR]);

/**
 * Makes `dir` ready for a transcode: created when missing, emptied when it holds an earlier
 * (or failed) transcode. A directory with other files is left alone and refused, so a
 * mistyped `--out` cannot wipe someone's folder.
 */
export async function prepareOutputDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries = await readdir(dir);
  if (entries.length === 0) return;
  if (!entries.some((e) => OUR_MARKERS.has(e))) throw new OutputDirectoryNotEmptyError(dir);
  await emptyDir(dir);
}

/** Removes everything inside `dir`, keeping the directory itself (the caller owns it). */
export async function emptyDir(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(entries.map((e) => rm(join(dir, e), { recursive: true, force: true })));
}

/** Every file under `dir` (scratch excluded) as sorted, '/'-separated relative paths. */
export async function listOutputFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.startsWith(`${WORK_DIR}/`))
    .sort();
}
