import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loudness, Rendition, TranscodeManifest } from '@folkemote/domain';
import {
  AUDIO_RENDITION,
  buildTranscodeInvocation,
  playlistPath,
  SPRITE_IMAGE,
  type TranscodePlan,
} from './build-transcode-invocation.ts';
import { describeRendition, toMasterAudio, toMasterVariant } from './describe-renditions.ts';
import { writeMasterPlaylist } from './hls-playlists.ts';
import { joinRendition, type RemuxSource, remuxDownload } from './make-download.ts';
import { makeAudioPoster, makeVideoPoster } from './make-poster.ts';
import { computeGainDb, measureLoudness } from './measure-loudness.ts';
import { MASTER_PLAYLIST } from './output-dir.ts';
import { ENCODED_SEGMENT_SECONDS } from './plan-segments.ts';
import { buildSpriteVtt, planSprite } from './plan-sprite.ts';
import { runFfmpeg } from './run-ffmpeg.ts';
import { decideCopy, evenedFrameRate, selectLadder } from './select-ladder.ts';
import { allOrAbort, createStepProgress, type TranscodeContext } from './transcode-context.ts';

export const POSTER_FILE = 'poster.jpg';
export const SPRITE_VTT = 'sprite.vtt';

/** Builds the plan for the single ffmpeg run from the probe: ladder, copy decision, keyframes, sprite. */
export function planFullTranscode(ctx: Pick<TranscodeContext, 'source' | 'probe' | 'encoder' | 'threads'>, gainDb: number | null) {
  const { probe } = ctx;
  let hlsTime = ENCODED_SEGMENT_SECONDS;
  let video: TranscodePlan['video'] = null;
  let copyReasons: string[] = [];
  if (probe.video) {
    const ladder = selectLadder(probe.video);
    const decision = decideCopy(probe.video, probe.durationSeconds, ladder[0]!);
    copyReasons = decision.reasons;
    if (decision.copy) hlsTime = decision.hlsTime!;
    const fps = decision.copy ? null : evenedFrameRate(probe.video);
    video = {
      streamIndex: probe.video.index,
      renditions: ladder.map((r, i) => ({ ...r, copy: decision.copy && i === 0 })),
      keyframes: decision.copy ? 'source' : 'interval',
      fps,
      frameRate: fps ?? probe.video.avgFrameRate ?? probe.video.rFrameRate ?? 30,
      sprite: planSprite(probe.durationSeconds, probe.video.displayWidth, probe.video.displayHeight),
    };
  }
  const sourceRate = probe.audio?.sampleRate ?? 48_000;
  const plan: TranscodePlan = {
    input: ctx.source,
    hlsTime,
    video,
    audio: probe.audio
      ? { streamIndex: probe.audio.index, gainDb, sampleRate: sourceRate === 44_100 ? 44_100 : 48_000 }
      : null,
    encoder: ctx.encoder,
    threads: ctx.threads,
  };
  return { plan, copyReasons };
}

/**
 * The full version: loudness analysis and poster first (side by side, both light), then one
 * ffmpeg run for the whole ladder, the audio rendition and the sprite, then the master
 * playlist from measured segments, the download remux and the loudness check of the result.
 */
export async function runFullTranscode(ctx: TranscodeContext): Promise<Omit<TranscodeManifest, 'files'>> {
  const { probe, outDir, workDir, source, stallTimeoutMs } = ctx;
  const duration = probe.durationSeconds;
  const steps = createStepProgress(ctx.progress, 'transcoding', duration, [
    ['analysis', 0.04],
    ['main', 0.86],
    ['download', 0.06],
    ['check', 0.04],
  ]);
  steps.at('analysis', 0);

  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', onOuterAbort, { once: true });
  const signal = controller.signal;
  try {
    const posterFile = join(outDir, POSTER_FILE);
    const [before] = await allOrAbort<[Loudness | null, unknown]>(controller, [
      () =>
        probe.audio
          ? measureLoudness(source, {
              streamIndex: probe.audio.index,
              signal,
              stallTimeoutMs,
              onPosition: (s) => steps.at('analysis', s / duration),
            })
          : Promise.resolve(null),
      () =>
        probe.video
          ? makeVideoPoster(source, probe, workDir, posterFile, { signal, stallTimeoutMs })
          : makeAudioPoster(workDir, posterFile, { signal, stallTimeoutMs }),
    ]);

    const gainDb = before ? computeGainDb(before, ctx.loudness) : null;
    const { plan } = planFullTranscode(ctx, gainDb);
    const renditionNames = [...(plan.video?.renditions.map((r) => r.name) ?? []), ...(plan.audio ? [AUDIO_RENDITION] : [])];
    await Promise.all(renditionNames.map((name) => mkdir(join(outDir, name), { recursive: true })));
    await runFfmpeg(buildTranscodeInvocation(plan), {
      step: 'the transcode',
      cwd: outDir,
      signal,
      stallTimeoutMs,
      onPosition: (s) => steps.at('main', s / duration),
    });

    const videoRenditions: Rendition[] = [];
    for (const r of plan.video?.renditions ?? []) {
      videoRenditions.push(
        await describeRendition(outDir, {
          name: r.name,
          kind: 'video',
          playlist: playlistPath(r.name),
          copied: r.copy,
          width: r.width,
          height: r.height,
          frameRate: plan.video!.frameRate,
        }),
      );
    }
    const audioRendition = plan.audio
      ? await describeRendition(outDir, { name: AUDIO_RENDITION, kind: 'audio', playlist: playlistPath(AUDIO_RENDITION), copied: false })
      : null;
    await writeFile(
      join(outDir, MASTER_PLAYLIST),
      writeMasterPlaylist(videoRenditions.map(toMasterVariant), audioRendition ? toMasterAudio(audioRendition, 2) : null),
    );

    let sprite: TranscodeManifest['sprite'] = null;
    if (plan.video?.sprite) {
      await writeFile(join(outDir, SPRITE_VTT), buildSpriteVtt(plan.video.sprite, duration, SPRITE_IMAGE));
      sprite = {
        image: SPRITE_IMAGE,
        vtt: SPRITE_VTT,
        columns: plan.video.sprite.columns,
        intervalSeconds: plan.video.sprite.intervalSeconds,
      };
    }

    // The download: the top video as it is (the source itself when copied) plus the normalised audio.
    const top = plan.video?.renditions[0];
    let videoSource: RemuxSource | null = null;
    if (top?.copy) videoSource = { path: source, stream: String(probe.video!.index) };
    else if (top) {
      const joined = join(workDir, 'video.mp4');
      await joinRendition(join(outDir, playlistPath(top.name)), joined);
      videoSource = { path: joined, stream: 'v:0' };
    }
    let audioSource: RemuxSource | null = null;
    if (plan.audio) {
      const joined = join(workDir, 'audio.m4a');
      await joinRendition(join(outDir, playlistPath(AUDIO_RENDITION)), joined);
      audioSource = { path: joined, stream: 'a:0' };
    }
    const downloadFile = videoSource ? 'download.mp4' : 'download.m4a';
    const downloadPath = join(outDir, downloadFile);
    await remuxDownload(videoSource, audioSource, downloadPath, {
      signal,
      stallTimeoutMs,
      onPosition: (s) => steps.at('download', s / duration),
    });

    let after: Loudness | null = null;
    if (audioSource) {
      after = await measureLoudness(audioSource.path, {
        signal,
        stallTimeoutMs,
        onPosition: (s) => steps.at('check', s / duration),
      });
    }
    ctx.progress.complete('transcoding');

    return {
      version: 1,
      kind: 'full',
      durationSeconds: duration,
      hasVideo: probe.video !== null,
      hasAudio: probe.audio !== null,
      master: MASTER_PLAYLIST,
      renditions: [...videoRenditions, ...(audioRendition ? [audioRendition] : [])],
      copiedRendition: plan.video?.renditions.find((r) => r.copy)?.name ?? null,
      poster: POSTER_FILE,
      sprite,
      download: {
        file: downloadFile,
        contentType: videoSource ? 'video/mp4' : 'audio/mp4',
        bytes: (await stat(downloadPath)).size,
      },
      loudness: before
        ? { before, after, targetLufs: ctx.loudness.targetLufs, truePeakDbtp: ctx.loudness.truePeakDbtp }
        : null,
    };
  } finally {
    ctx.signal.removeEventListener('abort', onOuterAbort);
  }
}
