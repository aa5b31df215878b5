import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Progress, type TranscodeManifest, transcodeManifestSchema } from '@folkemote/domain';
import { z } from 'zod';
import { LADDER_ENCODER, type VideoEncoderSettings } from './encoder-settings.ts';
import { throwIfAborted } from './errors.ts';
import { DEFAULT_LOUDNESS_TARGET, type LoudnessTarget } from './measure-loudness.ts';
import { emptyDir, listOutputFiles, MANIFEST_FILE, prepareOutputDir, WORK_DIR } from './output-dir.ts';
import { probeMedia } from './probe-media.ts';
import type { MediaProbe } from './probe-types.ts';
import { recordingDemuxer } from './recording-formats.ts';
import { createProgressReporter } from './report-progress.ts';
import { runFullTranscode } from './run-full-transcode.ts';
import { runQuickTranscode } from './run-quick-transcode.ts';
import { type TranscodeContext, timeStep } from './transcode-context.ts';

export const DEFAULT_STALL_TIMEOUT_MS = 120_000;

export interface TranscodeOptions {
  kind: 'quick' | 'full';
  /** EBU R128 target; -16 LUFS integrated and -1.5 dBTP by default. Full versions only. */
  loudness?: LoudnessTarget;
  /** ffmpeg threads per decoder/encoder; ffmpeg's own choice when absent. */
  threads?: number;
  /** Kill ffmpeg when its time position has not moved for this long (120 s by default). */
  stallTimeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /**
   * A probe of the same file made earlier (at ingest); the file is probed again when absent,
   * and for a full version when it read only the edges of the file (the ladder's copy
   * decision needs the keyframes).
   */
  probe?: MediaProbe;
  /** Overrides the ladder's x264 settings; for measurements, not for production use. */
  encoder?: VideoEncoderSettings;
  /** Told when each step ends (probe, remux, poster, …), with `performance.now()` times. */
  onStep?: (step: string, start: number, end: number) => void;
  /**
   * Told of each media segment (a path relative to `outDir`) as soon as ffmpeg has finished
   * it, so the caller can upload it while the rest is being written. Every file is listed in
   * the manifest at the end all the same; after a failure the reported files are gone.
   */
  onFileReady?: (relativePath: string) => void;
}

/** The plain-data part of TranscodeOptions, validated where callers hand it in. */
export const transcodeOptionsSchema = z.object({
  kind: z.enum(['quick', 'full']),
  loudness: z
    .object({
      targetLufs: z.number().min(-40).max(-5),
      truePeakDbtp: z.number().min(-9).max(0),
    })
    .optional(),
  threads: z.number().int().min(1).max(64).optional(),
  stallTimeoutMs: z.number().int().min(100).optional(),
});

/**
 * Turns a recording into a published version in `outDir`: HLS (fMP4) renditions with a
 * master playlist, a poster, a sprite with its WebVTT index and a download file (both full
 * only), and `manifest.json`.
 *
 * - `kind: 'full'`: the rendition ladder in one decode, top rendition stream-copied when the
 *   source allows, audio normalised to EBU R128.
 * - `kind: 'quick'`: H.264/AAC sources only (see canQuickPublish); everything stream-copied,
 *   no download file (`manifest.download` is null), so it is public as soon as possible.
 *
 * `outDir` must be empty, missing, or hold an earlier transcode (which is replaced). On any
 * failure its contents are removed, so no partial version is left behind.
 *
 * @throws UnusableMediaError (bad input, do not retry), FfmpegStalledError / FfmpegFailedError
 *   (transient), an AbortError when `signal` fires, QuickPublishNotPossibleError.
 * @example
 * const manifest = await transcodeRecording('/data/rec.mp4', '/data/out', {
 *   kind: 'full',
 *   onProgress: (p) => console.log(p.stage, p.percent),
 * });
 */
export async function transcodeRecording(
  input: string,
  outDir: string,
  options: TranscodeOptions,
): Promise<TranscodeManifest> {
  const settings = transcodeOptionsSchema.parse({
    kind: options.kind,
    loudness: options.loudness,
    threads: options.threads,
    stallTimeoutMs: options.stallTimeoutMs,
  });
  const signal = options.signal ?? new AbortController().signal;
  throwIfAborted(signal);
  const source = resolve(input);
  const out = resolve(outDir);
  const progress = createProgressReporter(options.onProgress);

  await prepareOutputDir(out);
  const workDir = join(out, WORK_DIR);
  try {
    await mkdir(workDir, { recursive: true });
    const onStep = options.onStep ?? (() => {});
    let probe = options.probe;
    if (!probe || (settings.kind === 'full' && probe.packetScan === 'edges')) {
      progress.update('probing', 0, 1);
      probe = await timeStep({ onStep }, 'probe', () => probeMedia(source, { signal }));
      progress.complete('probing');
    }
    throwIfAborted(signal);
    const ctx: TranscodeContext = {
      // A probe handed in (stored at ingest) is held to the same list of containers.
      source: { path: source, demuxer: recordingDemuxer(probe.container) },
      outDir: out,
      workDir,
      probe,
      loudness: settings.loudness ?? DEFAULT_LOUDNESS_TARGET,
      threads: settings.threads ?? null,
      stallTimeoutMs: settings.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
      signal,
      progress,
      encoder: options.encoder ?? LADDER_ENCODER,
      onStep,
      onFileReady: options.onFileReady ?? (() => {}),
    };
    const result = settings.kind === 'quick' ? await runQuickTranscode(ctx) : await runFullTranscode(ctx);
    await rm(workDir, { recursive: true, force: true });
    const files = [...(await listOutputFiles(out)), MANIFEST_FILE].sort();
    const manifest = transcodeManifestSchema.parse({ ...result, files });
    await writeFile(join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } catch (err) {
    await emptyDir(out);
    throw err;
  }
}
