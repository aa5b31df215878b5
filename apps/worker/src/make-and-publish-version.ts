import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  findRecording,
  findRecordingEdits,
  findResumableVersion,
  insertVersion,
  makeVersionPublic,
  markVersionVerified,
  type RecordingRow,
  transitionRecording,
  type VersionKind,
  type VersionRow,
} from '@folkemote/db';
import type { RecordingState, TimeRange, TranscodeManifest } from '@folkemote/domain';
import { checkFreeDisk, estimateOutputBytes, type MediaProbe, transcodeRecording } from '@folkemote/media';
import { transcodeRealtimeFactor } from '@folkemote/metrics';
import { copyPrefix, createVersionPublisher, listFiles, publicKeys } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';
import type { JobContext } from './job-handler.ts';
import { syncReplayPublication, versionLocations } from './replay-publication.ts';
import { writeVersionPages } from './site-writer.ts';
import { fetchSource } from './source-cache.ts';
import { createStageTimer, type StageTimer } from './stage-timer.ts';
import { moveTimedText, recordMovedTimedText, sameCuts } from './trim/move-timed-text.ts';
import { trimmedSource } from './trim/trimmed-source.ts';
import { makeCleanDir, recordingWorkDir, removeDir } from './work-dirs.ts';

function observeRealtimeFactor(mediaSeconds: number, wallSeconds: number): void {
  if (mediaSeconds > 0 && wallSeconds > 0) transcodeRealtimeFactor.observe(mediaSeconds / wallSeconds);
}

/**
 * Makes a version (quick remux or full ladder), uploads it under its own
 * prefix, verifies it, and only then flips the public pointer (the replay
 * page) and the database. A retried job resumes the version it started:
 * verified uploads are skipped, so nothing is published twice. A recording
 * that is not public (held for review, or unpublished) gets its version under
 * review in the raw bucket and no pages: an organiser previews it there and
 * publishing it copies it out (see syncReplayPublication). A full version is made with the
 * organiser's cuts (from the raw source, which stays as it is); when they differ from those of
 * the version before, the captions and chapters move with them in the same step.
 */
export async function makeAndPublishVersion(
  deps: WorkerDeps,
  recording: RecordingRow,
  kind: VersionKind,
  to: Extract<RecordingState, 'quick_published' | 'published'>,
  ctx: JobContext,
): Promise<void> {
  const stages = createStageTimer(deps.log, recording.id, `recording.${kind}`);
  const version = await resumeOrCreateVersion(deps, recording.id, kind);
  const isPublic = recording.publication === 'public';
  const where = versionLocations(deps, version);
  const edits = kind === 'full' ? await findRecordingEdits(deps.db, recording.id) : null;
  const cuts = edits?.cuts ?? [];
  const target = isPublic ? where.public : where.review;
  const manifest =
    version.manifest ?? (await makeAndUpload(deps, recording, version, target, cuts, ctx, stages));

  ctx.reportProgress({ stage: 'publishing', percent: 0, etaSeconds: null });
  if (edits && !sameCuts(cuts, edits.appliedCuts))
    await stages.time('captions and chapters moved', () =>
      moveWithCuts(deps, recording, edits.appliedCuts, cuts),
    );
  await stages.time('pointer flip', async () => {
    if (isPublic) {
      // A version made while the recording was held is in review; nothing is copied twice.
      await copyPrefix(deps.s3, where.review, where.public, { last: [manifest.master] });
      await writeVersionPages(deps, recording, { id: version.id, kind, prefix: version.prefix, manifest });
    }
    await deps.db.transaction(async (tx) => {
      await makeVersionPublic(tx, recording.id, version.id);
      await transitionRecording(tx, recording.id, recording.state, to, {
        progress: { stage: 'done', percent: 100, etaSeconds: 0 },
      });
    });
  });
  // Published or unpublished by an organiser while the version was made (or a held version made
  // public by an earlier attempt): the public bucket follows the database.
  const now = await findRecording(deps.db, recording.id);
  if (!isPublic || (now && now.publication !== recording.publication))
    await syncReplayPublication(deps, recording.id);
  deps.log.info({ versionId: version.id, kind, held: !isPublic }, 'version published');
}

/**
 * The captions and chapters moved onto the new cuts and recorded with them in one transaction,
 * before the replay pages are written with them: a retry finds the cuts applied and moves nothing twice.
 */
async function moveWithCuts(deps: WorkerDeps, recording: RecordingRow, from: TimeRange[], to: TimeRange[]) {
  const dir = path.join(recordingWorkDir(deps.config.worker.workDir, recording.id), 'timed-text');
  await makeCleanDir(dir);
  try {
    const moved = await moveTimedText(deps, recording.id, recording.eventId, from, to, dir);
    await deps.db.transaction((tx) => recordMovedTimedText(tx, recording.id, moved, to));
  } finally {
    await removeDir(dir);
  }
}

async function resumeOrCreateVersion(
  deps: WorkerDeps,
  recordingId: string,
  kind: VersionKind,
): Promise<VersionRow> {
  const existing = await findResumableVersion(deps.db, recordingId, kind);
  if (existing) return existing;
  const id = randomUUID();
  return insertVersion(deps.db, { id, recordingId, kind, prefix: publicKeys.versionPrefix(recordingId, id) });
}

async function makeAndUpload(
  deps: WorkerDeps,
  recording: RecordingRow,
  version: VersionRow,
  target: { bucket: string; prefix: string },
  cuts: readonly TimeRange[],
  ctx: JobContext,
  stages: StageTimer,
): Promise<TranscodeManifest> {
  const { worker } = deps.config;
  const out = path.join(recordingWorkDir(worker.workDir, recording.id), version.id);
  const trimDir = `${out}-trim`;
  try {
    const raw = await stages.time('download source', () => fetchSource(deps, recording));
    const source = await stages.time('smart cut', () =>
      trimmedSource(deps, recording, raw, cuts, trimDir, ctx),
    );
    await checkFreeDisk(
      worker.workDir,
      estimateOutputBytes(recording.probe as MediaProbe) + worker.minFreeDiskBytes,
    );
    await makeCleanDir(out);
    // Media segments go up while ffmpeg writes the rest; what is left, after the transcode.
    let uploading = false;
    let uploadStarted = 0;
    const publisher = createVersionPublisher(deps.s3, {
      bucket: target.bucket,
      prefix: target.prefix,
      dir: out,
      signal: ctx.signal,
      onProgress(done, total) {
        if (!uploading) return;
        const elapsed = (Date.now() - uploadStarted) / 1000;
        const fraction = total > 0 ? done / total : 0;
        ctx.reportProgress({
          stage: 'uploading',
          percent: Math.round(fraction * 1000) / 10,
          etaSeconds: fraction > 0.02 ? Math.round((elapsed * (1 - fraction)) / fraction) : null,
        });
      },
    });
    const publishStarted = performance.now();
    const transcodeStarted = performance.now();
    let manifest: TranscodeManifest;
    try {
      manifest = await stages.time(version.kind === 'quick' ? 'remux' : 'transcode', () =>
        transcodeRecording(source, out, {
          kind: version.kind,
          // The ingest probe knows what a stream copy needs; the ladder probes for keyframes itself.
          probe: version.kind === 'quick' ? ((recording.probe as MediaProbe | null) ?? undefined) : undefined,
          loudness: worker.loudness,
          threads: worker.ffmpegThreads || undefined, // 0: let ffmpeg decide
          stallTimeoutMs: worker.stallTimeoutMs,
          signal: ctx.signal,
          onProgress: ctx.reportProgress,
          onStep: (step, start, end) => stages.record(`  ${step}`, start, end),
          onFileReady: (file) => publisher.add(file),
        }),
      );
    } catch (err) {
      await publisher.abort();
      throw err;
    }
    if (version.kind === 'full')
      observeRealtimeFactor(manifest.durationSeconds, (performance.now() - transcodeStarted) / 1000);
    uploading = true;
    uploadStarted = Date.now();
    ctx.reportProgress({ stage: 'uploading', percent: 0, etaSeconds: null });
    const files = await listFiles(out);
    await stages.time('upload after the transcode', () => publisher.finish(files, [manifest.master]));
    stages.record('upload, all of it', publishStarted, performance.now());
    await markVersionVerified(deps.db, version.id, manifest);
    return manifest;
  } finally {
    await removeDir(out);
    await removeDir(trimDir);
  }
}
