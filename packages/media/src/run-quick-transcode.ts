import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rendition, TranscodeManifest } from '@folkemote/domain';
import { AUDIO_RENDITION, buildQuickInvocation, playlistPath } from './build-transcode-invocation.ts';
import { describeRendition, toMasterAudio, toMasterVariant } from './describe-renditions.ts';
import { QuickPublishNotPossibleError } from './errors.ts';
import { writeMasterPlaylist } from './hls-playlists.ts';
import { remuxDownload } from './make-download.ts';
import { makeAudioPoster, makeVideoPoster } from './make-poster.ts';
import { MASTER_PLAYLIST } from './output-dir.ts';
import { QUICK_SEGMENT_SECONDS } from './plan-segments.ts';
import { runFfmpeg } from './run-ffmpeg.ts';
import { POSTER_FILE } from './run-full-transcode.ts';
import { canQuickPublish } from './select-ladder.ts';
import { createStepProgress, type TranscodeContext } from './transcode-context.ts';

/**
 * The quick version: the source's H.264 and AAC stream-copied into fMP4 HLS, a poster and a
 * remuxed download. Nothing is decoded except the poster frames, so an hour takes seconds
 * (about the time to read and write the file twice).
 */
export async function runQuickTranscode(ctx: TranscodeContext): Promise<Omit<TranscodeManifest, 'files'>> {
  const { probe, outDir, workDir, source, stallTimeoutMs, signal } = ctx;
  if (!canQuickPublish(probe)) throw new QuickPublishNotPossibleError();
  const duration = probe.durationSeconds;
  const steps = createStepProgress(ctx.progress, 'remuxing', duration, [
    ['hls', 0.5],
    ['poster', 0.05],
    ['download', 0.45],
  ]);
  steps.at('hls', 0);

  const videoName = probe.video ? `${Math.min(probe.video.displayWidth, probe.video.displayHeight)}p` : null;
  const names = [...(videoName ? [videoName] : []), ...(probe.audio ? [AUDIO_RENDITION] : [])];
  await Promise.all(names.map((name) => mkdir(join(outDir, name), { recursive: true })));
  await runFfmpeg(
    buildQuickInvocation(
      source,
      QUICK_SEGMENT_SECONDS,
      probe.video && videoName
        ? {
            streamIndex: probe.video.index,
            name: videoName,
            decodeDelaySeconds: probe.video.decodeDelaySeconds,
          }
        : null,
      probe.audio ? { streamIndex: probe.audio.index } : null,
    ),
    {
      step: 'the quick version',
      cwd: outDir,
      signal,
      stallTimeoutMs,
      onPosition: (s) => steps.at('hls', s / duration),
    },
  );

  const posterFile = join(outDir, POSTER_FILE);
  if (probe.video) await makeVideoPoster(source, probe, workDir, posterFile, { signal, stallTimeoutMs });
  else await makeAudioPoster(workDir, posterFile, { signal, stallTimeoutMs });
  steps.at('poster', 1);

  const downloadFile = probe.video ? 'download.mp4' : 'download.m4a';
  const downloadPath = join(outDir, downloadFile);
  await remuxDownload(
    probe.video ? { path: source, stream: String(probe.video.index) } : null,
    probe.audio ? { path: source, stream: String(probe.audio.index) } : null,
    downloadPath,
    { signal, stallTimeoutMs, onPosition: (s) => steps.at('download', s / duration) },
  );

  const video: Rendition | null =
    probe.video && videoName
      ? await describeRendition(outDir, {
          name: videoName,
          kind: 'video',
          playlist: playlistPath(videoName),
          copied: true,
          width: probe.video.displayWidth,
          height: probe.video.displayHeight,
          frameRate: probe.video.avgFrameRate ?? probe.video.rFrameRate ?? undefined,
        })
      : null;
  const audio: Rendition | null = probe.audio
    ? await describeRendition(outDir, {
        name: AUDIO_RENDITION,
        kind: 'audio',
        playlist: playlistPath(AUDIO_RENDITION),
        copied: true,
      })
    : null;
  await writeFile(
    join(outDir, MASTER_PLAYLIST),
    writeMasterPlaylist(
      video ? [toMasterVariant(video)] : [],
      audio ? toMasterAudio(audio, probe.audio!.channels) : null,
    ),
  );
  ctx.progress.complete('remuxing');

  return {
    version: 1,
    kind: 'quick',
    durationSeconds: duration,
    hasVideo: video !== null,
    hasAudio: audio !== null,
    master: MASTER_PLAYLIST,
    renditions: [...(video ? [video] : []), ...(audio ? [audio] : [])],
    copiedRendition: video?.name ?? null,
    poster: POSTER_FILE,
    sprite: null,
    download: {
      file: downloadFile,
      contentType: probe.video ? 'video/mp4' : 'audio/mp4',
      bytes: (await stat(downloadPath)).size,
    },
    loudness: null,
  };
}
