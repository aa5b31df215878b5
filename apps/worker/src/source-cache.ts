import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { RecordingRow } from '@folkemote/db';
import { downloadObject } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';
import { recordingWorkDir } from './work-dirs.ts';

/**
 * The source on local disk, downloaded once per worker and reused by the
 * ingest, quick and transcode steps of the same recording. Its name is fixed:
 * an extension the uploader chose (or a `%d` an image sequence reader would
 * expand) never reaches ffprobe, which goes by the content alone.
 */
export async function fetchSource(deps: WorkerDeps, recording: RecordingRow): Promise<string> {
  const file = path.join(recordingWorkDir(deps.config.worker.workDir, recording.id), 'source');
  const present = await stat(file).catch(() => null);
  if (present && (recording.sourceBytes === null || present.size === recording.sourceBytes)) return file;
  await downloadObject(deps.s3, deps.s3Settings.rawBucket, recording.sourceKey, file);
  return file;
}
