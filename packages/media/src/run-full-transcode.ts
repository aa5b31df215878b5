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
import { planFullTranscode } from './plan-full-transcode.ts';
import { buildSpriteVtt } from './plan-sprite.ts';
import type { MediaFile } from './recording-formats.ts';
import { runFfmpeg } from './run-ffmpeg.ts';
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

/** What every step of one full transcode shares: its context, plan, progress and stop signal. */
interface FullRun {
  ctx: TranscodeContext;
  plan: TranscodePlan;
  steps: ReturnType<typeof createStepProgress>;
  controller: AbortController;
  signal: AbortSignal;
  /** Niceness of the audio, the poster and a download made beside the ladder. */
  sideNiceness: number;
  /** The ladder's top rendition; undefined for audio only. */
  top: NonNullable<TranscodePlan['video']>['renditions'][number] | undefined;
  downloadFile: string;
  downloadPath: string;
  /** The download takes the source's own video, so it is made beside the ladder, not after it. */
  downloadBeside: boolean;
}

/**
 * The full version. Three things run side by side from the start: the video ladder (one
 * ffmpeg run, one decode), the audio (loudness analysis, the normalised AAC rendition, the
 * loudness check of the result) and the poster. Then the master playlist is written from
 * the measured segments and the download is remuxed.
 */
export async function runFullTranscode(ctx: TranscodeContext): Promise<Omit<TranscodeManifest, 'files'>> {
  const steps = createFullSteps(ctx);
  const { controller, release } = abortWithin(ctx.signal);
  try {
    const run = await prepareFullRun(ctx, steps, controller);
    const audio = await runSideBySide(run);
    const renditions = await writeMaster(run);
    const sprite = await writeSpriteIndex(run);
    if (!run.downloadBeside) await makeDownload(run, await joinTopRendition(run), audio);
    ctx.progress.complete('transcoding');
    return await fullManifest(run, { ...renditions, sprite, audio });
  } finally {
    release();
  }
}

/** The progress bar's share of each step: with video the ladder is nearly all of it. */
function createFullSteps(ctx: TranscodeContext) {
  const { probe } = ctx;
  const steps = createStepProgress(
    ctx.progress,
    'transcoding',
    probe.durationSeconds,
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
  return steps;
}

/** Plans the run and makes a directory for each rendition. */
async function prepareFullRun(
  ctx: TranscodeContext,
  steps: FullRun['steps'],
  controller: AbortController,
): Promise<FullRun> {
  const { plan } = planFullTranscode(ctx, null);
  await Promise.all(renditionNamesOf(plan).map((name) => mkdir(join(ctx.outDir, name), { recursive: true })));
  // The download: the top video as it is (the source itself when copied) plus the normalised
  // audio. With the source's own video it needs nothing from the ladder, so it is made beside it.
  const top = plan.video?.renditions[0];
  const downloadFile = top ? 'download.mp4' : 'download.m4a';
  return {
    ctx,
    plan,
    steps,
    controller,
    signal: controller.signal,
    sideNiceness: plan.video ? SIDE_NICENESS : 0,
    top,
    downloadFile,
    downloadPath: join(ctx.outDir, downloadFile),
    downloadBeside: top?.copy === true,
  };
}

function renditionNamesOf(plan: TranscodePlan): string[] {
  return [...(plan.video?.renditions.map((r) => r.name) ?? []), ...(plan.audio ? [AUDIO_RENDITION] : [])];
}

/** The ladder, the audio and the poster at once; the first to fail stops the others. */
async function runSideBySide(run: FullRun): Promise<AudioResult | null> {
  const { ctx, plan } = run;
  const segments = watchSegments(ctx.outDir, renditionNamesOf(plan), ctx.onFileReady);
  try {
    const [, audio] = await allOrAbort<[unknown, AudioResult | null, unknown]>(run.controller, [
      () => runLadder(run),
      // Analysis, normalised encode, the check of the result (and the download when it does
      // not wait for the ladder): all done long before the ladder finishes, on the core the
      // ladder leaves partly idle.
      () => makeAudioAndEarlyDownload(run),
      () => makeFullPoster(run),
    ]);
    return audio;
  } finally {
    await segments.stop();
  }
}

/** Every video rendition in one ffmpeg run (one decode). */
async function runLadder(run: FullRun): Promise<void> {
  const { ctx, plan, steps, signal } = run;
  if (!plan.video) return;
  const duration = ctx.probe.durationSeconds;
  await timeStep(ctx, 'ladder', () =>
    runFfmpeg(buildLadderInvocation(plan), {
      step: 'the transcode',
      cwd: ctx.outDir,
      signal,
      stallTimeoutMs: ctx.stallTimeoutMs,
      onPosition: (s) => steps.at('main', s / duration),
    }),
  );
}

async function makeAudioAndEarlyDownload(run: FullRun): Promise<AudioResult | null> {
  const { ctx, plan } = run;
  const { probe, source } = ctx;
  const result = plan.audio && probe.audio ? await normaliseAudio(run) : null;
  if (run.downloadBeside)
    await makeDownload(run, { ...source, stream: String(probe.video!.index) }, result, run.sideNiceness);
  return result;
}

/** Loudness analysis, the normalised AAC rendition, and the loudness check of the result. */
async function normaliseAudio(run: FullRun): Promise<AudioResult> {
  const { ctx, plan, steps, signal, sideNiceness: niceness } = run;
  const { probe, outDir, stallTimeoutMs } = ctx;
  const duration = probe.durationSeconds;
  // Audio only: the audio steps are the progress bar; beside a ladder they are not shown.
  const progressOf = (step: string) => (plan.video ? undefined : (s: number) => steps.at(step, s / duration));
  const before = await timeStep(ctx, 'loudness analysis', () =>
    measureLoudness(ctx.source, {
      streamIndex: probe.audio!.index,
      niceness,
      signal,
      stallTimeoutMs,
      onPosition: progressOf('analysis'),
    }),
  );
  const gainDb = computeGainDb(before, ctx.loudness);
  await timeStep(ctx, 'audio', () =>
    runFfmpeg(buildAudioInvocation({ ...plan, audio: { ...plan.audio!, gainDb } }), {
      step: 'the audio',
      cwd: outDir,
      niceness,
      signal,
      stallTimeoutMs,
      onPosition: progressOf('main'),
    }),
  );
  const joined: MediaFile = { path: join(ctx.workDir, 'audio.m4a'), demuxer: 'mov' };
  await joinRendition(join(outDir, playlistPath(AUDIO_RENDITION)), joined.path);
  const after = await timeStep(ctx, 'loudness check', () =>
    measureLoudness(joined, { niceness, signal, stallTimeoutMs, onPosition: progressOf('check') }),
  );
  return { before, after, joined };
}

async function makeFullPoster(run: FullRun): Promise<void> {
  const { ctx } = run;
  const posterFile = join(ctx.outDir, POSTER_FILE);
  const options = { signal: run.signal, stallTimeoutMs: ctx.stallTimeoutMs, niceness: run.sideNiceness };
  await timeStep(ctx, 'poster', async () => {
    if (ctx.probe.video) await makeVideoPoster(ctx.source, ctx.probe, ctx.workDir, posterFile, options);
    else await makeAudioPoster(ctx.workDir, posterFile, options);
  });
}

/** The download file: a video source (or none) with the normalised audio (or none), remuxed. */
function makeDownload(
  run: FullRun,
  videoSource: RemuxSource | null,
  audio: AudioResult | null,
  niceness?: number,
): Promise<void> {
  const { ctx, steps } = run;
  const duration = ctx.probe.durationSeconds;
  return timeStep(ctx, 'download file', () =>
    remuxDownload(videoSource, audio ? { ...audio.joined, stream: 'a:0' } : null, run.downloadPath, {
      signal: run.signal,
      stallTimeoutMs: ctx.stallTimeoutMs,
      niceness,
      // Made beside the ladder, its progress would pull the bar ahead of the ladder's.
      onPosition: run.downloadBeside ? undefined : (s) => steps.at('download', s / duration),
    }),
  );
}

/** The ladder's top rendition joined into one MP4, the download's video; null for audio only. */
async function joinTopRendition(run: FullRun): Promise<RemuxSource | null> {
  if (!run.top) return null;
  const joined = join(run.ctx.workDir, 'video.mp4');
  await joinRendition(join(run.ctx.outDir, playlistPath(run.top.name)), joined);
  return { path: joined, demuxer: 'mov', stream: 'v:0' };
}

/** Describes each rendition from its measured segments and writes the master playlist from them. */
async function writeMaster(
  run: FullRun,
): Promise<{ videoRenditions: Rendition[]; audioRendition: Rendition | null }> {
  const { plan } = run;
  const { outDir } = run.ctx;
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
  return { videoRenditions, audioRendition };
}

/** The sprite's WebVTT index (the ladder run drew the image itself); null without video. */
async function writeSpriteIndex(run: FullRun): Promise<TranscodeManifest['sprite']> {
  const sprite = run.plan.video?.sprite;
  if (!sprite) return null;
  const vtt = buildSpriteVtt(sprite, run.ctx.probe.durationSeconds, SPRITE_IMAGE);
  await writeFile(join(run.ctx.outDir, SPRITE_VTT), vtt);
  return {
    image: SPRITE_IMAGE,
    vtt: SPRITE_VTT,
    columns: sprite.columns,
    intervalSeconds: sprite.intervalSeconds,
  };
}

async function fullManifest(
  run: FullRun,
  made: {
    videoRenditions: Rendition[];
    audioRendition: Rendition | null;
    sprite: TranscodeManifest['sprite'];
    audio: AudioResult | null;
  },
): Promise<Omit<TranscodeManifest, 'files'>> {
  const { ctx, plan, top } = run;
  const { probe } = ctx;
  const { audio, audioRendition } = made;
  return {
    version: 1,
    kind: 'full',
    durationSeconds: probe.durationSeconds,
    hasVideo: probe.video !== null,
    hasAudio: probe.audio !== null,
    master: MASTER_PLAYLIST,
    renditions: [...made.videoRenditions, ...(audioRendition ? [audioRendition] : [])],
    copiedRendition: plan.video?.renditions.find((r) => r.copy)?.name ?? null,
    poster: POSTER_FILE,
    sprite: made.sprite,
    download: {
      file: run.downloadFile,
      contentType: top ? 'video/mp4' : 'audio/mp4',
      bytes: (await stat(run.downloadPath)).size,
    },
    loudness: audio
      ? {
          before: audio.before,
          after: audio.after,
          targetLufs: ctx.loudness.targetLufs,
          truePeakDbtp: ctx.loudness.truePeakDbtp,
        }
      : null,
  };
}
