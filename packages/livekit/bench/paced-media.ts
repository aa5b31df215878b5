import { AudioFrame, type AudioSource, type VideoFrame, type VideoSource } from '@livekit/rtc-node';
import { toneSamples } from './synthetic-media.ts';

export interface ToneSettings {
  sampleRate: number;
  channels: number;
  frameMs: number;
  toneHz: number;
}

/**
 * Gives a video source its frames by the clock, as a camera would: the frame due now, each at
 * most once; when the process falls behind, frames are skipped, not queued. Returns the timer.
 */
export function paceVideo(
  source: VideoSource,
  frames: VideoFrame[],
  fps: number,
  onFrame: () => void = () => undefined,
): NodeJS.Timeout {
  const started = performance.now();
  let lastFrame = -1;
  return setInterval(
    () => {
      const due = Math.floor(((performance.now() - started) * fps) / 1_000);
      if (due === lastFrame) return;
      lastFrame = due;
      source.captureFrame(
        frames[due % frames.length] as VideoFrame,
        BigInt(Math.round((performance.now() - started) * 1_000)),
      );
      onFrame();
    },
    1_000 / fps / 2,
  );
}

/**
 * Gives a microphone source `frameMs` of tone at a time, at most 100 ms ahead of the clock, until
 * `stopping()` says so; the source plays it out in real time. A frame it refuses (its queue full
 * after the process was starved of CPU) is passed to `onRefused` and skipped.
 */
export async function pumpTone(
  source: AudioSource,
  tone: ToneSettings,
  stopping: () => boolean,
  onRefused: () => void = () => undefined,
): Promise<void> {
  const { sampleRate, channels, frameMs, toneHz } = tone;
  const started = performance.now();
  const samplesPerFrame = (sampleRate * frameMs) / 1_000;
  let samplesSent = 0;
  while (!stopping()) {
    const dueSamples = ((performance.now() - started) * sampleRate) / 1_000;
    if (samplesSent > dueSamples + sampleRate / 10) {
      await new Promise((resolve) => setTimeout(resolve, frameMs));
      continue;
    }
    const samples = toneSamples(sampleRate, toneHz, samplesSent, samplesPerFrame);
    samplesSent += samplesPerFrame;
    await source
      .captureFrame(new AudioFrame(samples, sampleRate, channels, samplesPerFrame))
      .catch(onRefused);
  }
}
