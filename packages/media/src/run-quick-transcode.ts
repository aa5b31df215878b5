import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rendition, TranscodeManifest } from '@folkemote/domain';
import { AUDIO_RENDITION, buildQuickInvocation, playlistPath } from './build-transcode-invocation.ts';
import { describeRendition, toMasterAudio, toMasterVariant } from './describe-renditions.ts';
import { QuickPublishNotPossibleError } from './errors.ts';
import { writeMasterPlaylist } from './hls-playlists.ts';
import { makeAudioPoster, makeVideoPoster } from './make-poster.ts';
import { MASTER_PLAYLIST } from './output-dir.ts';
import { QUICK_SEGMENT_SECONDS } from './plan-segments.ts';
import { runFfmpeg } from './run-ffmpeg.ts';
import { POSTER_FILE } from './run-full-transcode.ts';
import { canQuickPublish } from './select-ladder.ts';
import { abortWithin, allOrAbort, type TranscodeContext, timeStep } from './transcode-context.ts';
import { watchSegments } from './watch-segments.ts';

/**
 * The quick version: the source's H.264 and AAC stream-copied into fMP4 HLS, and a poster.
 * Nothing is decoded except the poster frames, so an hour takes seconds (about the time to
 * read and write the file once). It has no download file: writing and uploading a second copy
 * of the whole recording would hold the replay back, so the download comes with the full version.
 */
export async function runQuickTranscode(ctx: TranscodeContext): Promise<Omit<TranscodeManifest, 'files'>> {
  const { probe, outDir, workDir, source, stallTimeoutMs } = ctx;
  if (!canQuickPublish(probe)) throw new QuickPublishNotPossibleError();
  const duration = probe.durationSeconds;
  // The two steps run side by side (each reads the source on its own), so the bar is their
  // weighted sum rather than one step after another.
  const weights = { hls: 0.95, poster: 0.05 };
  const done = { hls: 0, poster: 0 };
  const step = (name: keyof typeof weights, fraction: number) => {
    done[name] = Math.min(1, Math.max(done[name], fraction));
    const sum = (Object.keys(weights) as (keyof typeof weights)[]).reduce(
      (t, k) => t + weights[k] * done[k],
      0,
    );
    ctx.progress.update('remuxing', sum * duration, duration);
  };
  step('hls', 0);

  const videoName = probe.video ? `${Math.min(probe.video.displayWidth, probe.video.displayHeight)}p` : null;
  const names = [...(videoName ? [videoName] : []), ...(probe.audio ? [AUDIO_RENDITION] : [])];
  await Promise.all(names.map((name) => mkdir(join(outDir, name), { recursive: true })));
  const posterFile = join(outDir, POSTER_FILE);

  const { controller, release } = abortWithin(ctx.signal);
  const signal = controller.signal;
  try {
    await allOrAbort<[unknown, unknown]>(controller, [
      async () => {
        const segments = watchSegments(outDir, names, ctx.onFileReady);
        try {
          await timeStep(ctx, 'remux', () =>
            runFfmpeg(
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
                onPosition: (s) => step('hls', s / duration),
              },
            ),
          );
        } finally {
          await segments.stop();
        }
      },
      async () => {
        await timeStep(ctx, 'poster', async () => {
          if (probe.video)
            await makeVideoPoster(source, probe, workDir, posterFile, { signal, stallTimeoutMs });
          else await makeAudioPoster(workDir, posterFile, { signal, stallTimeoutMs });
        });
        step('poster', 1);
      },
    ]);
  } finally {
    release();
  }

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
    download: null,
    loudness: null,
  };
}
