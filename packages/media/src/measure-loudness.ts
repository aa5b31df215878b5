import type { Loudness } from '@folkemote/domain';
import { UnusableMediaError } from './errors.ts';
import { progressOptions } from './ffmpeg-invocation.ts';
import type { MediaFile } from './recording-formats.ts';
import { runFfmpeg } from './run-ffmpeg.ts';

export interface LoudnessTarget {
  targetLufs: number;
  truePeakDbtp: number;
}

export const DEFAULT_LOUDNESS_TARGET: LoudnessTarget = { targetLufs: -16, truePeakDbtp: -1.5 };

/** ebur128 reports silence as -70 LUFS; below this there is nothing to normalise. */
export const SILENCE_LUFS = -69;
/** AAC encoding lifts true peaks a little; keep this much below the ceiling. */
const ENCODER_PEAK_MARGIN_DB = 0.5;
/** A nearly silent track is not amplified into noise. */
const MAX_GAIN_DB = 30;

export interface MeasureLoudnessOptions {
  signal?: AbortSignal;
  stallTimeoutMs?: number;
  /** Seconds of audio measured so far. */
  onPosition?: (seconds: number) => void;
  /** Stream index of the audio to measure; the first audio stream by default. */
  streamIndex?: number;
  niceness?: number;
}

/**
 * EBU R128 loudness of the audio as it will be heard in stereo: integrated loudness, true
 * peak (4× oversampled) and loudness range. An audio-only pass with the `ebur128` filter,
 * many times faster than real time.
 */
export async function measureLoudness(
  input: MediaFile,
  options: MeasureLoudnessOptions = {},
): Promise<Loudness> {
  const map = options.streamIndex === undefined ? '0:a:0' : `0:${options.streamIndex}`;
  const { log } = await runFfmpeg(
    {
      // The ebur128 summary is an info-level message.
      globalOptions: progressOptions('info'),
      inputs: [{ ...input, options: [] }],
      filterComplex: `[${map}]aformat=channel_layouts=stereo,ebur128=peak=true:framelog=verbose[a]`,
      outputs: [{ path: '-', options: ['-map', '[a]', '-f', 'null'] }],
    },
    {
      step: 'the loudness measurement',
      signal: options.signal,
      stallTimeoutMs: options.stallTimeoutMs ?? 120_000,
      onPosition: options.onPosition,
      niceness: options.niceness,
    },
  );
  const loudness = parseEbur128Summary(log.join('\n'));
  if (!loudness) throw new UnusableMediaError('The audio could not be measured');
  return loudness;
}

/** Reads the Summary block the ebur128 filter logs at the end. -inf becomes the meter's floor. */
export function parseEbur128Summary(text: string): Loudness | null {
  const at = text.lastIndexOf('Summary:');
  if (at < 0) return null;
  const summary = text.slice(at);
  const value = (label: string) => {
    const match = new RegExp(`${label}:\\s*(-?inf|-?\\d+(?:\\.\\d+)?)`).exec(summary);
    if (!match) return null;
    return match[1]!.endsWith('inf') ? Number.NEGATIVE_INFINITY : Number(match[1]);
  };
  const integrated = value('I');
  const lra = value('LRA');
  const peak = value('Peak');
  if (integrated === null || lra === null || peak === null) return null;
  return {
    integratedLufs: Math.max(-70, integrated),
    truePeakDbtp: Math.max(-99, peak),
    lraLu: Number.isFinite(lra) ? lra : 0,
  };
}

/**
 * The linear gain that brings the measured loudness to the target without pushing the true
 * peak over its ceiling. Linear means the dynamics stay as recorded; when the peaks do not
 * allow the full gain, the result stays a little below the target rather than being limited.
 */
export function computeGainDb(measured: Loudness, target: LoudnessTarget): number {
  if (measured.integratedLufs <= SILENCE_LUFS) return 0;
  const toTarget = target.targetLufs - measured.integratedLufs;
  const headroom = target.truePeakDbtp - ENCODER_PEAK_MARGIN_DB - measured.truePeakDbtp;
  return Math.round(Math.min(toTarget, headroom, MAX_GAIN_DB) * 100) / 100;
}
