import { chooseCopySegmentTime, SEGMENT_MAX_SECONDS } from './plan-segments.ts';
import type { MediaProbe, VideoProbe } from './probe-types.ts';
import { audioNeedsFilling, videoNeedsFilling } from './stream-spans.ts';

export interface Rung {
  name: string;
  /** Height of a landscape picture (width of a portrait one). */
  shortSide: number;
  /** Bit-rate cap at up to 30 fps, bits per second. */
  maxrate: number;
}

/**
 * The ladder. Caps sit above LiveKit Egress's own rates (1080p30 at 4.5 Mb/s, 720p30 at
 * 3 Mb/s) so its recordings can be stream-copied as the top rendition.
 */
export const LADDER: readonly Rung[] = [
  { name: '1080p', shortSide: 1080, maxrate: 6_000_000 },
  { name: '720p', shortSide: 720, maxrate: 4_000_000 },
  { name: '480p', shortSide: 480, maxrate: 2_000_000 },
  { name: '360p', shortSide: 360, maxrate: 1_200_000 },
];

/** A source this close below a rung still gets it, at its own size (never upscaled). */
const RUNG_TOLERANCE = 0.9;
/** Frame rates above this are halved for encoded renditions. */
export const MAX_FRAME_RATE = 60;

export interface PlannedRendition {
  name: string;
  width: number;
  height: number;
  maxrate: number;
  bufsize: number;
}

/** Nearest even number, at least 2: H.264 with 4:2:0 chroma needs even sides. */
export function even(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}

/** Largest even number not above n, at least 2. */
export function floorEven(n: number): number {
  return Math.max(2, Math.floor(n / 2) * 2);
}

/**
 * The video renditions for a source, largest first. Rungs above the source are left out, so
 * nothing is upscaled: a 720p source yields 720p, 480p and 360p. A source smaller than the
 * lowest rung gets one rendition at its own size.
 */
export function selectLadder(
  video: Pick<VideoProbe, 'displayWidth' | 'displayHeight' | 'avgFrameRate'>,
): PlannedRendition[] {
  const { displayWidth: w, displayHeight: h } = video;
  const landscape = w >= h;
  const shortSide = landscape ? h : w;
  const longSide = landscape ? w : h;
  const fpsFactor = (video.avgFrameRate ?? 30) > 31 ? 1.5 : 1;

  const sized = (name: string, short: number, maxrate: number): PlannedRendition => {
    const long = even((longSide * short) / shortSide);
    const capped = Math.round(maxrate * fpsFactor);
    return {
      name,
      width: landscape ? long : short,
      height: landscape ? short : long,
      maxrate: capped,
      bufsize: capped * 2,
    };
  };

  const renditions = LADDER.filter((rung) => shortSide >= rung.shortSide * RUNG_TOLERANCE).map((rung) =>
    sized(rung.name, Math.min(rung.shortSide, floorEven(shortSide)), rung.maxrate),
  );
  if (renditions.length > 0) return renditions;
  const lowest = LADDER.at(-1)!;
  const short = floorEven(shortSide);
  return [sized(`${short}p`, short, Math.round((lowest.maxrate * short) / lowest.shortSide))];
}

/**
 * The frame rate encoded renditions are evened out to, or null to keep the source's timing:
 * variable-rate sources get their rounded average, rates above 60 are divided down.
 */
export function evenedFrameRate(
  video: Pick<VideoProbe, 'avgFrameRate' | 'rFrameRate' | 'variableFrameRate'>,
): number | null {
  const average = video.avgFrameRate ?? video.rFrameRate ?? 30;
  if (average > MAX_FRAME_RATE + 0.5)
    return Math.min(MAX_FRAME_RATE, Math.round(average / Math.ceil(average / MAX_FRAME_RATE)));
  if (video.variableFrameRate) return Math.min(MAX_FRAME_RATE, Math.max(1, Math.round(average)));
  return null;
}

export interface CopyDecision {
  copy: boolean;
  /** Why the top rendition must be encoded; empty when it is copied. */
  reasons: string[];
  /** `-hls_time` that cuts the source's keyframes into 4–6 s segments, when copying. */
  hlsTime: number | null;
}

const COPYABLE_PROFILES = new Set(['Baseline', 'Constrained Baseline', 'Main', 'High']);
const COPYABLE_PIX_FMTS = new Set(['yuv420p', 'yuvj420p']);

/** Whether a browser can play the source's video as it is: H.264 8-bit 4:2:0, upright, square pixels. */
export function isBrowserSafeH264(video: VideoProbe): string[] {
  const reasons: string[] = [];
  if (video.codec !== 'h264') reasons.push(`the video codec is ${video.codec}, not H.264`);
  else if (video.profile && !COPYABLE_PROFILES.has(video.profile))
    reasons.push(`the H.264 profile is ${video.profile}`);
  if (!COPYABLE_PIX_FMTS.has(video.pixFmt ?? ''))
    reasons.push(`the pixel format is ${video.pixFmt ?? 'unknown'}`);
  if (video.rotation !== 0) reasons.push('the picture is rotated');
  if (Math.abs(video.sampleAspectRatio - 1) > 0.01) reasons.push('the pixels are not square');
  return reasons;
}

/**
 * The top rendition is stream-copied when the source is browser-safe H.264 already at the
 * top rendition's size, within its bit-rate caps (a VBV check over the measured peaks), and
 * its keyframes cut into 4–6 s segments.
 */
export function decideCopy(video: VideoProbe, durationSeconds: number, top: PlannedRendition): CopyDecision {
  const reasons = isBrowserSafeH264(video);
  if (video.displayWidth !== top.width || video.displayHeight !== top.height) {
    reasons.push(
      `the top rendition is ${top.width}x${top.height}, the source ${video.displayWidth}x${video.displayHeight}`,
    );
  }
  if ((video.avgFrameRate ?? 0) > MAX_FRAME_RATE + 0.5) reasons.push('the frame rate is above 60');
  // Encoded renditions take their keyframes from the source's frames one for one; a variable
  // frame rate is evened out first, which would break that pairing.
  if (video.variableFrameRate) reasons.push('the frame rate is variable');
  if (video.bitRate !== null && video.bitRate > top.maxrate)
    reasons.push(`the bit rate is above the ${top.name} cap`);
  // A stream fits a leaky bucket of `bufsize` drained at `maxrate` when no window holds more
  // than maxrate × window + bufsize bits.
  for (const peak of video.peakBitRates) {
    if (peak.bitRate * peak.windowSeconds > top.maxrate * peak.windowSeconds + top.bufsize) {
      reasons.push(`the bit rate peaks above the ${top.name} cap`);
      break;
    }
  }
  let hlsTime: number | null = null;
  if (video.maxKeyframeIntervalSeconds > SEGMENT_MAX_SECONDS) {
    reasons.push('keyframes are further apart than a segment');
  } else {
    hlsTime = chooseCopySegmentTime(video.keyframeTimes, durationSeconds);
    if (hlsTime === null) reasons.push('the keyframes do not cut into 4–6 s segments');
  }
  const copy = reasons.length === 0;
  return { copy, reasons, hlsTime: copy ? hlsTime : null };
}

/** Quick versions stream-copy the source, so it must already play in browsers: H.264 and AAC. */
export function canQuickPublish(probe: MediaProbe): boolean {
  if (!probe.video && !probe.audio) return false;
  if (probe.video && isBrowserSafeH264(probe.video).length > 0) return false;
  if (probe.video && (probe.video.avgFrameRate ?? 0) > MAX_FRAME_RATE + 0.5) return false;
  if (probe.audio && probe.audio.codec !== 'aac') return false;
  // A stream copy cannot hold a picture still to the end of the sound, nor fill a hole in it.
  if (videoNeedsFilling(probe) || audioNeedsFilling(probe)) return false;
  return true;
}
