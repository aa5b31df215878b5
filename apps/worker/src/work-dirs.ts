import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Temporary files of a recording live under one folder, so one rm removes
 * them all whatever happened, and a start-up sweep removes what a killed
 * worker left behind.
 */
export function recordingWorkDir(workDir: string, recordingId: string): string {
  return path.join(workDir, recordingId);
}

/** What finding a recording's folder takes: the worker's work directory. */
export interface WorkDirDeps {
  config: { worker: { workDir: string } };
}

/** Removes a recording's temporary files, whichever job left them. */
export async function removeRecordingWorkDir(deps: WorkDirDeps, recordingId: string): Promise<void> {
  await removeDir(recordingWorkDir(deps.config.worker.workDir, recordingId));
}

export async function makeCleanDir(dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Removes every recording folder except those of jobs running now. */
export async function sweepWorkDir(workDir: string, keep: ReadonlySet<string>): Promise<number> {
  await mkdir(workDir, { recursive: true });
  let removed = 0;
  for (const entry of await readdir(workDir)) {
    if (keep.has(entry)) continue;
    await rm(path.join(workDir, entry), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
