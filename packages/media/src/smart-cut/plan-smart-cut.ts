import type { TimeRange } from '@folkemote/domain';

/** One piece of the trimmed video: a run of whole GOPs copied, or the pictures around a cut re-encoded. */
export type VideoPiece =
  | { kind: 'copy'; start: number; end: number; toEnd: boolean }
  | { kind: 'encode'; start: number; end: number };

export interface SmartCutPlan {
  /** The kept ranges moved onto the picture grid: each starts and ends on a frame's time. */
  kept: TimeRange[];
  pieces: VideoPiece[];
  /** Where the one stream copy of the source is split (keyframe times, ascending). */
  splits: number[];
}

/** The first value of a sorted list at or after `t` (within `eps`), or null. */
function firstAtOrAfter(sorted: readonly number[], t: number, eps: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < t - eps) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? (sorted[lo] as number) : null;
}

/** The last value of a sorted list at or before `t` (within `eps`), or null. */
function lastAtOrBefore(sorted: readonly number[], t: number, eps: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= t + eps) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (sorted[lo - 1] as number) : null;
}

/**
 * The smart cut of one video stream: for each kept range, the GOPs wholly inside it are copied,
 * and only the pictures from a cut to the next keyframe (and from the last keyframe to the next
 * cut) are re-encoded. `frames` are the presentation times of every picture and `keyframes` of
 * the keyframes, both ascending, in seconds from the file's start; `endSeconds` is where the
 * video ends. A range's edges move to the first picture at or after them, so every piece lasts
 * a whole number of pictures and the sound can be cut at the same times.
 */
export function planSmartCut(
  kept: readonly TimeRange[],
  frames: readonly number[],
  keyframes: readonly number[],
  endSeconds: number,
): SmartCutPlan {
  const eps = 0.0005;
  const snap = (t: number) =>
    t >= endSeconds - eps ? endSeconds : (firstAtOrAfter(frames, t, eps) ?? endSeconds);
  const snapped = kept
    .map((r) => ({ start: snap(r.start), end: snap(r.end) }))
    .filter((r) => r.end > r.start);
  const pieces: VideoPiece[] = [];
  const splits = new Set<number>();
  for (const { start, end } of snapped) {
    const toEnd = end >= endSeconds;
    const k1 = firstAtOrAfter(keyframes, start, eps);
    const kLast = toEnd ? null : lastAtOrBefore(keyframes, end, eps);
    if (k1 === null || k1 >= end - eps || (!toEnd && (kLast === null || kLast <= k1))) {
      pieces.push({ kind: 'encode', start, end });
      continue;
    }
    if (k1 > start + eps) pieces.push({ kind: 'encode', start, end: k1 });
    splits.add(k1);
    if (toEnd) {
      pieces.push({ kind: 'copy', start: k1, end, toEnd: true });
      continue;
    }
    const copyEnd = kLast as number;
    pieces.push({ kind: 'copy', start: k1, end: copyEnd, toEnd: false });
    splits.add(copyEnd);
    if (end > copyEnd + eps) pieces.push({ kind: 'encode', start: copyEnd, end });
  }
  return { kept: snapped, pieces, splits: [...splits].sort((a, b) => a - b) };
}

/** Which piece of the split stream copy holds [start, …): its index among the splits (0 is before the first). */
export function copyPieceIndex(splits: readonly number[], start: number): number {
  const eps = 0.0005;
  let index = 0;
  for (const s of splits) if (s <= start + eps) index++;
  return index;
}
