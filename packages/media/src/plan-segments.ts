/** Segment lengths every rendition must keep (the last segment may be shorter). */
export const SEGMENT_MIN_SECONDS = 4;
export const SEGMENT_MAX_SECONDS = 6;

/** Encoded renditions get a keyframe every 2 s and 4 s segments: two seek points per segment. */
export const ENCODED_KEYFRAME_SECONDS = 2;
export const ENCODED_SEGMENT_SECONDS = 4;

/** Quick versions copy whatever keyframes the source has; they only aim at this length. */
export const QUICK_SEGMENT_SECONDS = 6;

/** Keyframe timestamps are rounded in containers; a millisecond either way is the same frame. */
const TOLERANCE = 0.002;

/**
 * The segment lengths ffmpeg's hls muxer makes from these keyframes with `-hls_time`.
 * Its rule (libavformat/hlsenc.c) is cumulative: the n-th cut falls on the first keyframe at or
 * after n × hls_time from the start, so one long segment does not shift the later targets.
 */
export function simulateHlsSegments(
  keyframeTimes: number[],
  durationSeconds: number,
  hlsTime: number,
): number[] {
  const segments: number[] = [];
  let start = 0;
  let number = 1;
  for (const t of keyframeTimes) {
    if (t > start + TOLERANCE && t >= hlsTime * number - TOLERANCE) {
      segments.push(t - start);
      start = t;
      number++;
    }
  }
  if (durationSeconds - start > TOLERANCE) segments.push(durationSeconds - start);
  return segments;
}

/** True when every segment but the last is 4–6 s and the last is at most 6 s. */
export function segmentsWithinBounds(segments: number[]): boolean {
  return segments.every((d, i) => {
    const isLast = i === segments.length - 1;
    return d <= SEGMENT_MAX_SECONDS + TOLERANCE && (isLast || d >= SEGMENT_MIN_SECONDS - TOLERANCE);
  });
}

const CANDIDATE_HLS_TIMES = [4, 5, 6, 4.5, 5.5];

/**
 * An `-hls_time` that cuts the source's own keyframes into 4–6 s segments, or null when none
 * does (the source must then be re-encoded to get aligned segments).
 */
export function chooseCopySegmentTime(keyframeTimes: number[], durationSeconds: number): number | null {
  if (keyframeTimes.length === 0 || keyframeTimes[0]! > TOLERANCE) return null;
  for (const hlsTime of CANDIDATE_HLS_TIMES) {
    if (segmentsWithinBounds(simulateHlsSegments(keyframeTimes, durationSeconds, hlsTime))) return hlsTime;
  }
  return null;
}
