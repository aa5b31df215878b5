import type { PacketInfo } from './analyse-packets.ts';
import type { MediaProbe } from './probe-types.ts';

/** Where a stream's packets lie, in seconds from the start of the file (its earliest packet). */
export interface StreamSpan {
  start: number;
  end: number;
}

/** Lead-in, tail or hole in the picture shorter than this is left as it is (a frame or two of muxing skew). */
export const COVERAGE_TOLERANCE_SECONDS = 0.5;
/** A stretch without a frame longer than this is a hole in the picture, not an uneven frame rate. */
export const VIDEO_GAP_SECONDS = 1;

/** The presentation span of each stream's packets, as absolute times (those of the file). */
export function absoluteSpan(packets: PacketInfo[]): StreamSpan | null {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const p of packets) {
    const t = Number.isFinite(p.pts) ? p.pts : p.dts;
    if (!Number.isFinite(t)) continue;
    start = Math.min(start, t);
    end = Math.max(end, t + (Number.isFinite(p.duration) ? p.duration : 0));
  }
  return Number.isFinite(start) ? { start, end } : null;
}

/**
 * The spans of the streams measured from the earliest of them, and where the last one ends:
 * how much of the recording the file really holds.
 */
export function relativeSpans(spans: (StreamSpan | null)[]): {
  spans: (StreamSpan | null)[];
  contentEnd: number;
} {
  const present = spans.filter((s): s is StreamSpan => s !== null);
  if (present.length === 0) return { spans, contentEnd: 0 };
  const origin = Math.min(...present.map((s) => s.start));
  const relative = spans.map((s) =>
    s ? { start: round3(s.start - origin), end: round3(s.end - origin) } : null,
  );
  return { spans: relative, contentEnd: round3(Math.max(...present.map((s) => s.end)) - origin) };
}

/** How far the picture falls short of the recording: a late start, an early end, a hole. */
export interface VideoCoverage {
  /** Seconds of sound before the first picture. */
  lateStartSeconds: number;
  /** Seconds of sound after the last picture. */
  earlyEndSeconds: number;
  /** Longest stretch without a frame (0 when unknown: an edges probe). */
  longestGapSeconds: number;
}

/** The picture's shortfall, or null when the probe does not know the spans (older probes) or has no video. */
export function videoCoverage(probe: MediaProbe): VideoCoverage | null {
  const span = probe.video?.span;
  if (!span) return null;
  return {
    lateStartSeconds: round3(Math.max(0, span.start)),
    earlyEndSeconds: round3(Math.max(0, probe.durationSeconds - span.end)),
    longestGapSeconds: probe.video?.longestGapSeconds ?? 0,
  };
}

/**
 * Whether the picture must be filled in to last as long as the sound: it starts late, stops
 * early (a camera turned off before the end) or has a hole. Such a video is never stream-copied.
 */
export function videoNeedsFilling(probe: MediaProbe): boolean {
  const c = videoCoverage(probe);
  if (!c) return false;
  return (
    c.lateStartSeconds > COVERAGE_TOLERANCE_SECONDS ||
    c.earlyEndSeconds > COVERAGE_TOLERANCE_SECONDS ||
    c.longestGapSeconds > VIDEO_GAP_SECONDS
  );
}

/** Whether the sound must be filled in with silence to last as long as the picture. */
export function audioNeedsFilling(probe: MediaProbe): boolean {
  const span = probe.audio?.span;
  if (!span || !probe.video) return false;
  return (
    span.start > COVERAGE_TOLERANCE_SECONDS || probe.durationSeconds - span.end > COVERAGE_TOLERANCE_SECONDS
  );
}

/** The longest stretch between two frames (sorted presentation times), from where one frame ends. */
export function longestGap(sortedPts: number[]): number {
  if (sortedPts.length < 2) return 0;
  const deltas: number[] = [];
  for (let i = 1; i < sortedPts.length; i++) deltas.push(sortedPts[i]! - sortedPts[i - 1]!);
  const usual = [...deltas].sort((a, b) => a - b)[Math.floor(deltas.length / 2)]!;
  const widest = deltas.reduce((a, b) => Math.max(a, b), 0);
  return round3(Math.max(0, widest - usual));
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
