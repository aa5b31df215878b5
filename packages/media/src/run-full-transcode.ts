import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loudness, Rendition, TranscodeManifest } from '@folkemote/domain';
import {
  AUDIO_RENDITION,
  buildAudioInvocation,
  buildLadderInvocation,
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
import type { VideoProbe } from './probe-types.ts';
import type { MediaFile } from './recording-formats.ts';
import { runFfmpeg } from './run-ffmpeg.ts';
import { decideCopy, evenedFrameRate, selectLadder } from './select-ladder.ts';
import {
  abortWithin,
  allOrAbort,
  createStepProgress,
  type TranscodeContext,
  timeStep,
} from './transcode-context.ts';
import { watchSegments } from './watch-segments.ts';

export const POSTER_FILE = 'poster.jpg';

interface AudioResult {
  before: Loudness;
  after: Loudness;
  /** The audio rendition joined into one file (fragmented MP4), for the download. */
  joined: MediaFile;
}
export const SPRITE_VTT = 'sprite.vtt';

/**
 * The ladder is the critical path; the audio and the poster run niced beside it and take
 * the CPU it leaves idle (ffmpeg 5.1 does not keep two cores busy on its own).
 */
const SIDE_NICENESS = 10;

/**
 * zimg takes 8-bit 4:2:0 pictures in limited range whose sides split evenly into chroma
 * samples; anything else (10-bit, full range, odd sides) goes through swscale, which also
 * converts it.
 */
export function canZimgResize(video: Pick<VideoProbe, 'pixFmt' | 'width' | 'height'>): boolean {
  return video.pixFmt === 'yuv420p' && video.width % 2 === 0 && video.height % 2 === 0;
}

/** Builds the plan for the single ffmpeg run from the probe: ladder, copy decision, keyframes, sprite. */
export function planFullTranscode(
  ctx: Pick<TranscodeContext, 'source' | 'probe' | 'encoder' | 'threads'>,
  gainDb: number | null,
) {
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
      zimg: canZimgResize(probe.video),
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
    timestampOffset: video?.renditions[0]?.copy ? probe.video!.decodeDelaySeconds : 0,
    encoder: ctx.encoder,
    threads: ctx.threads,
  };
  return { plan, copyReasons };
}

/**
 * The full version. Three things run side by side from the start: the video ladder (one
 * ffmpeg run, one decode), the audio (loudness analysis, the normalised AAC rendition, the
 * loudness check of the result) and the poster. Then the master playlist is written from
 * the measured segments and the download is remuxed.
 */
export async function runFullTranscode(ctx: TranscodeContext): Promise<Omit<TranscodeManifest, 'files'>> {
  const { probe, outDir, workDir, source, stallTimeoutMs } = ctx;
  const duration = probe.durationSeconds;
  const steps = createStepProgress(
    ctx.progress,
    'transcoding',
    duration,
    probe.video
      ? [
          ['main', 0.97],
          ['download', 0.03],
        ]
      : [
          ['analysis', 0.25],
          ['main', 0.6],
          ['check', 0.1],
          ['download', 0.05],
        ],
  );
  steps.at(probe.video ? 'main' : 'analysis', 0);

  const { controller, release } = abortWithin(ctx.signal);
  const signal = controller.signal;
  try {
    const { plan } = planFullTranscode(ctx, null);
    const sideNiceness = plan.video ? SIDE_NICENESS : 0;
    const renditionNames = [
      ...(plan.video?.renditions.map((r) => r.name) ?? []),
      ...(plan.audio ? [AUDIO_RENDITION] : []),
    ];
    await Promise.all(renditionNames.map((name) => mkdir(join(outDir, name), { recursive: true })));
    const posterFile = join(outDir, POSTER_FILE);

    // The download: the top video as it is (the source itself when copied) plus the normalised
    // audio. With the source's own video it needs nothing from the ladder, so it is made beside it.
    const top = plan.video?.renditions[0];
    const downloadFile = top ? 'download.mp4' : 'download.m4a';
    const downloadPath = join(outDir, downloadFile);
    const downloadBeside = top?.copy === true;
    const makeDownload = (videoSource: RemuxSource | null, audio: AudioResult | null, niceness?: number) =>
      timeStep(ctx, 'download file', () =>
        remuxDownload(videoSource, audio ? { ...audio.joined, stream: 'a:0' } : null, downloadPath, {
          signal,
          stallTimeoutMs,
          niceness,
          // Made beside the ladder, its progress would pull the bar ahead of the ladder's.
          onPosition: downloadBeside ? undefined : (s) => steps.at('download', s / duration),
        }),
      );

    const segments = watchSegments(outDir, renditionNames, ctx.onFileReady);
    let audioResult: AudioResult | null;
    try {
      [, audioResult] = await allOrAbort<[unknown, AudioResult | null, unknown]>(controller, [
        async () => {
          if (!plan.video) return;
          await timeStep(ctx, 'ladder', () =>
            runFfmpeg(buildLadderInvocation(plan), {
              step: 'the transcode',
              cwd: outDir,
              signal,
              stallTimeoutMs,
              onPosition: (s) => steps.at('main', s / duration),
            }),
          );
        },
        // Analysis, normalised encode, the check of the result (and the download when it does
        // not wait for the ladder): all done long before the ladder finishes, on the core the
        // ladder leaves partly idle.
        async () => {
          const normalise = async () => {
            const before = await timeStep(ctx, 'loudness analysis', () =>
              measureLoudness(source, {
                streamIndex: probe.audio!.index,
                niceness: sideNiceness,
                signal,
                stallTimeoutMs,
                onPosition: plan.video ? undefined : (s) => steps.at('analysis', s / duration),
              }),
            );
            const gainDb = computeGainDb(before, ctx.loudness);
            await timeStep(ctx, 'audio', () =>
              runFfmpeg(buildAudioInvocation({ ...plan, audio: { ...plan.audio!, gainDb } }), {
                step: 'the audio',
                cwd: outDir,
                niceness: sideNiceness,
                signal,
                stallTimeoutMs,
                onPosition: plan.video ? undefined : (s) => steps.at('main', s / duration),
              }),
            );
            const joined: MediaFile = { path: join(workDir, 'audio.m4a'), demuxer: 'mov' };
            await joinRendition(join(outDir, playlistPath(AUDIO_RENDITION)), joined.path);
            const after = await timeStep(ctx, 'loudness check', () =>
              measureLoudness(joined, {
                niceness: sideNiceness,
                signal,
                stallTimeoutMs,
                onPosition: plan.video ? undefined : (s) => steps.at('check', s / duration),
              }),
            );
            return { before, after, joined };
          };
          const result = plan.audio && probe.audio ? await normalise() : null;
          if (downloadBeside)
            await makeDownload({ ...source, stream: String(probe.video!.index) }, result, sideNiceness);
          return result;
        },
        async () => {
          const options = { signal, stallTimeoutMs, niceness: sideNiceness };
          await timeStep(ctx, 'poster', async () => {
            if (probe.video) await makeVideoPoster(source, probe, workDir, posterFile, options);
            else await makeAudioPoster(workDir, posterFile, options);
          });
        },
      ]);
    } finally {
      await segments.stop();
    }

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
      ? await describeRendition(outDir, {
          name: AUDIO_RENDITION,
          kind: 'audio',
          playlist: playlistPath(AUDIO_RENDITION),
          copied: false,
        })
      : null;
    await writeFile(
      join(outDir, MASTER_PLAYLIST),
      writeMasterPlaylist(
        videoRenditions.map(toMasterVariant),
        audioRendition ? toMasterAudio(audioRendition, 2) : null,
      ),
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

    if (!downloadBeside) {
      let videoSource: RemuxSource | null = null;
      if (top) {
        const joined = join(workDir, 'video.mp4');
        await joinRendition(join(outDir, playlistPath(top.name)), joined);
        videoSource = { path: joined, demuxer: 'mov', stream: 'v:0' };
      }
      await makeDownload(videoSource, audioResult);
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
        contentType: top ? 'video/mp4' : 'audio/mp4',
        bytes: (await stat(downloadPath)).size,
      },
      loudness: audioResult
        ? {
            before: audioResult.before,
            after: audioResult.after,
            targetLufs: ctx.loudness.targetLufs,
            truePeakDbtp: ctx.loudness.truePeakDbtp,
          }
        : null,
    };
  } finally {
    release();
  }
}
