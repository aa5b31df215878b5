import type { TranscodePlan } from './build-transcode-invocation.ts';
import { ENCODED_SEGMENT_SECONDS } from './plan-segments.ts';
import { planSprite } from './plan-sprite.ts';
import type { VideoProbe } from './probe-types.ts';
import { decideCopy, evenedFrameRate, selectLadder } from './select-ladder.ts';
import { audioNeedsFilling, videoCoverage, videoNeedsFilling } from './stream-spans.ts';
import type { TranscodeContext } from './transcode-context.ts';

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
    const filling = videoNeedsFilling(probe);
    if (filling) Object.assign(decision, { copy: false, hlsTime: null });
    copyReasons = [
      ...decision.reasons,
      ...(filling ? ['the picture does not last as long as the sound'] : []),
    ];
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
      fill: filling
        ? {
            startSeconds: videoCoverage(probe)!.lateStartSeconds,
            tailSeconds: videoCoverage(probe)!.earlyEndSeconds,
          }
        : null,
    };
  }
  const sourceRate = probe.audio?.sampleRate ?? 48_000;
  const plan: TranscodePlan = {
    input: ctx.source,
    hlsTime,
    video,
    audio: probe.audio
      ? {
          streamIndex: probe.audio.index,
          gainDb,
          sampleRate: sourceRate === 44_100 ? 44_100 : 48_000,
          fill: audioNeedsFilling(probe)
            ? { startSeconds: probe.audio.span?.start ?? 0, toSeconds: probe.durationSeconds }
            : null,
        }
      : null,
    timestampOffset: video?.renditions[0]?.copy ? probe.video!.decodeDelaySeconds : 0,
    encoder: ctx.encoder,
    threads: ctx.threads,
  };
  return { plan, copyReasons };
}
