import { longestGap } from './stream-spans.ts';

/** One packet as ffprobe's packet listing reports it. Times in seconds; NaN when absent. */
export interface PacketInfo {
  pts: number;
  dts: number;
  duration: number;
  size: number;
  key: boolean;
}

export interface PacketAnalysis {
  packetCount: number;
  /** Presentation time of the first packet. */
  startTime: number;
  /** Where the last packet ends, from startTime. */
  endTime: number;
  /** How far the first decode time lies before the first presentation time (B-frame reordering). */
  decodeDelaySeconds: number;
  keyframeTimes: number[];
  maxKeyframeIntervalSeconds: number;
  variableFrameRate: boolean;
  /** Longest stretch without a packet beyond the usual interval: a hole in the stream. */
  longestGapSeconds: number;
  bitRate: number | null;
  peakBitRates: { windowSeconds: number; bitRate: number }[];
}

export const PEAK_WINDOWS_SECONDS = [1, 2, 4, 8] as const;

/** Parses ffprobe `-show_entries packet=pts_time,dts_time,duration_time,size,flags -of compact=p=0` lines. */
export function parsePacketLine(line: string): PacketInfo | null {
  if (!line.includes('=')) return null;
  const fields = new Map<string, string>();
  for (const part of line.trim().split('|')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const num = (key: string) => {
    const v = fields.get(key);
    return v === undefined || v === 'N/A' ? Number.NaN : Number(v);
  };
  const size = num('size');
  if (!Number.isFinite(size)) return null;
  return {
    pts: num('pts_time'),
    dts: num('dts_time'),
    duration: num('duration_time'),
    size,
    key: (fields.get('flags') ?? '').startsWith('K'),
  };
}

/**
 * Keyframe layout, frame-rate regularity and bit-rate peaks from a stream's packets.
 * `durationSeconds` is the stream's declared duration: the tail after the last keyframe counts
 * as a keyframe interval, because it becomes (part of) the last segment.
 */
export function analysePackets(packets: PacketInfo[], durationSeconds: number): PacketAnalysis {
  const timed = packets.filter((p) => Number.isFinite(p.pts) || Number.isFinite(p.dts));
  const ptsOf = (p: PacketInfo) => (Number.isFinite(p.pts) ? p.pts : p.dts);
  if (timed.length === 0) {
    return {
      packetCount: 0,
      startTime: 0,
      endTime: 0,
      decodeDelaySeconds: 0,
      keyframeTimes: [],
      maxKeyframeIntervalSeconds: 0,
      variableFrameRate: false,
      longestGapSeconds: 0,
      bitRate: null,
      peakBitRates: [],
    };
  }

  const presentation = timed.map(ptsOf).sort((a, b) => a - b);
  const startTime = presentation[0]!;
  let endTime = 0;
  for (const p of timed) {
    const end = ptsOf(p) + (Number.isFinite(p.duration) ? p.duration : 0) - startTime;
    if (end > endTime) endTime = end;
  }

  const decodeTimes = timed.map((p) => p.dts).filter((t) => Number.isFinite(t));
  const firstDecode = decodeTimes.length > 0 ? Math.min(...decodeTimes.slice(0, 64)) : startTime;
  const decodeDelaySeconds = round3(Math.max(0, startTime - firstDecode));

  const keyframeTimes = timed
    .filter((p) => p.key)
    .map((p) => ptsOf(p) - startTime)
    .sort((a, b) => a - b);
  const span = Math.max(endTime, durationSeconds);
  let maxKeyframeInterval = keyframeTimes.length === 0 ? span : keyframeTimes[0]!;
  for (let i = 1; i < keyframeTimes.length; i++) {
    maxKeyframeInterval = Math.max(maxKeyframeInterval, keyframeTimes[i]! - keyframeTimes[i - 1]!);
  }
  if (keyframeTimes.length > 0)
    maxKeyframeInterval = Math.max(maxKeyframeInterval, span - keyframeTimes.at(-1)!);

  const totalBits = timed.reduce((sum, p) => sum + p.size * 8, 0);
  const bitRate = endTime > 0 ? Math.round(totalBits / endTime) : null;

  return {
    packetCount: timed.length,
    startTime,
    endTime,
    decodeDelaySeconds,
    keyframeTimes,
    maxKeyframeIntervalSeconds: round3(maxKeyframeInterval),
    variableFrameRate: isVariableFrameRate(presentation),
    longestGapSeconds: longestGap(presentation),
    bitRate,
    peakBitRates: PEAK_WINDOWS_SECONDS.map((w) => ({ windowSeconds: w, bitRate: peakBitRate(timed, w) })),
  };
}

/**
 * A stream is variable-frame-rate when a noticeable share of frame intervals differ from the
 * usual one. Rounding jitter of a millisecond (common in Matroska) does not count.
 */
export function isVariableFrameRate(sortedPts: number[]): boolean {
  if (sortedPts.length < 4) return false;
  const deltas: number[] = [];
  for (let i = 1; i < sortedPts.length; i++) deltas.push(sortedPts[i]! - sortedPts[i - 1]!);
  const median = [...deltas].sort((a, b) => a - b)[Math.floor(deltas.length / 2)]!;
  if (!(median > 0)) return true;
  const tolerance = median * 0.1 + 0.0015;
  const off = deltas.filter((d) => Math.abs(d - median) > tolerance).length;
  return off > Math.max(2, deltas.length * 0.01);
}

/** The highest number of bits in any window of `windowSeconds`, as bits per second (decode order). */
export function peakBitRate(packets: PacketInfo[], windowSeconds: number): number {
  const byDecode = packets
    .map((p) => ({ t: Number.isFinite(p.dts) ? p.dts : p.pts, bits: p.size * 8 }))
    .sort((a, b) => a.t - b.t);
  let best = 0;
  let sum = 0;
  let tail = 0;
  for (const p of byDecode) {
    sum += p.bits;
    while (p.t - byDecode[tail]!.t >= windowSeconds) {
      sum -= byDecode[tail]!.bits;
      tail++;
    }
    if (sum > best) best = sum;
  }
  return Math.round(best / windowSeconds);
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
