import { randomUUID } from 'node:crypto';
import {
  ensureBroadcastVersion,
  makeVersionPublic,
  type RecordingRow,
  transitionRecording,
} from '@folkemote/db';
import type { TranscodeManifest } from '@folkemote/domain';
import { broadcastOfRecording, readClosedBroadcastStream } from '@folkemote/pipeline';
import { publicKeys } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';
import { syncReplayPublication } from './replay-publication.ts';
import { writeVersionPages } from './site-writer.ts';

/**
 * The closed stream of a public broadcast's recording, as its quick version; null when the
 * recording is not a broadcast's, is not public (a held one gets a quick version made from its
 * file, under review) or the egress never closed its stream.
 */
export async function closedStreamOf(
  deps: WorkerDeps,
  recording: RecordingRow,
): Promise<TranscodeManifest | null> {
  if (recording.publication !== 'public') return null;
  if (!(await broadcastOfRecording(deps.db, recording.id))) return null;
  return readClosedBroadcastStream(deps.s3, deps.s3Settings.publicBucket, recording.id);
}

/**
 * Publishes a broadcast's closed stream as its recording's quick version: no remux and no upload
 * (its segments and VOD playlists are in the public bucket already, under `replays/<id>/live/`),
 * only the replay page, embed, oEmbed and pointer written at the same address, and the database
 * flipped. The full transcode then replaces it as it replaces any quick version.
 */
export async function publishBroadcastVersion(
  deps: WorkerDeps,
  recording: RecordingRow,
  manifest: TranscodeManifest,
): Promise<void> {
  const version = await ensureBroadcastVersion(deps.db, {
    id: randomUUID(),
    recordingId: recording.id,
    prefix: publicKeys.broadcastStreamPrefix(recording.id),
    manifest,
  });
  await writeVersionPages(deps, recording, {
    id: version.id,
    kind: 'quick',
    prefix: version.prefix,
    manifest,
  });
  await deps.db.transaction(async (tx) => {
    await makeVersionPublic(tx, recording.id, version.id);
    await transitionRecording(tx, recording.id, recording.state, 'quick_published', {
      progress: { stage: 'done', percent: 100, etaSeconds: 0 },
    });
  });
  // Once more from the database, now that it names this version: a live page written by a
  // `broadcast.refresh` that looked before the flip is replaced, and a recording unpublished by an
  // organiser meanwhile leaves the public bucket.
  await syncReplayPublication(deps, recording.id);
  deps.log.info(
    { versionId: version.id, durationSeconds: manifest.durationSeconds },
    'broadcast stream published as the quick version',
  );
}
