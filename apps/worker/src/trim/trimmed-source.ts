import path from 'node:path';
import type { RecordingRow } from '@folkemote/db';
import { keptRanges, type TimeRange } from '@folkemote/domain';
import { type MediaProbe, recordingDemuxer, runSmartCut } from '@folkemote/media';
import type { WorkerDeps } from '../deps.ts';
import type { JobContext } from '../job-handler.ts';
import { makeCleanDir } from '../work-dirs.ts';

/**
 * The file a full version is made from: the raw source itself, or, when the organiser cut
 * something out, the source trimmed by the smart cut (GOPs copied, only the pictures from a cut
 * to the next keyframe re-encoded) into `dir`. A source the smart cut cannot copy is re-encoded
 * whole, and the log says so.
 */
export async function trimmedSource(
  deps: Pick<WorkerDeps, 'config' | 'log'>,
  recording: RecordingRow,
  source: string,
  cuts: readonly TimeRange[],
  dir: string,
  ctx: JobContext,
): Promise<string> {
  if (cuts.length === 0) return source;
  const probe = recording.probe as MediaProbe | null;
  const container = probe?.container;
  if (!probe || !container) throw new Error('The recording was not probed before its trim');
  await makeCleanDir(dir);
  const started = performance.now();
  const result = await runSmartCut(
    { path: source, demuxer: recordingDemuxer(container) },
    {
      kept: keptRanges(cuts, probe.durationSeconds),
      workDir: dir,
      stallTimeoutMs: deps.config.worker.stallTimeoutMs,
      signal: ctx.signal,
      onProgress: ctx.reportProgress,
      onFallback: (reason) =>
        deps.log.warn({ recordingId: recording.id, reason }, 'trim re-encodes the whole recording'),
    },
  );
  deps.log.info(
    {
      recordingId: recording.id,
      mode: result.mode,
      cuts: cuts.length,
      copiedSeconds: Math.round(result.copiedSeconds * 1000) / 1000,
      encodedSeconds: Math.round(result.encodedSeconds * 1000) / 1000,
      wallSeconds: Math.round(performance.now() - started) / 1000,
    },
    'recording trimmed',
  );
  return path.resolve(result.file.path);
}
