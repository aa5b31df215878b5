import { z } from 'zod';

/**
 * A trim of a recording: the ranges cut out of the source, in source seconds. Setting the start
 * is a cut from 0, setting the end a cut to the duration. An empty list is the original (undo).
 * Every time is a multiple of a millisecond, so a range is the same in the browser, the database
 * and ffmpeg's arguments.
 */
export interface TimeRange {
  start: number;
  end: number;
}

export const MAX_TRIM_CUTS = 100;
/** A trimmed recording keeps at least this much. */
export const MIN_TRIM_KEPT_SECONDS = 1;

export const timeRangeSchema = z
  .object({ start: z.number().finite().min(0), end: z.number().finite().min(0) })
  .strict();
export const trimCutsSchema = z.array(timeRangeSchema).max(MAX_TRIM_CUTS);

export type TrimProblem =
  | { code: 'empty_cut'; index: number }
  | { code: 'outside_recording'; index: number; durationSeconds: number }
  | { code: 'overlapping_cuts'; index: number }
  | { code: 'too_little_left'; keptSeconds: number };

export class TrimError extends Error {
  constructor(readonly problem: TrimProblem) {
    super(trimProblemMessage(problem));
    this.name = 'TrimError';
  }
}

function trimProblemMessage(p: TrimProblem): string {
  switch (p.code) {
    case 'empty_cut':
      return `Cut ${p.index + 1} ends where or before it starts`;
    case 'outside_recording':
      return `Cut ${p.index + 1} reaches outside the recording (${p.durationSeconds} s)`;
    case 'overlapping_cuts':
      return `Cut ${p.index + 1} overlaps another cut`;
    case 'too_little_left':
      return `Less than ${MIN_TRIM_KEPT_SECONDS} s would be left (${p.keptSeconds} s)`;
  }
}

const ms = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * The cuts in order, each checked: non-empty, inside the recording, none overlapping another
 * (touching is allowed and merged), and at least a second left. Throws a TrimError naming the
 * first problem, numbered as the caller sent it.
 */
export function normaliseCuts(cuts: readonly TimeRange[], durationSeconds: number): TimeRange[] {
  const duration = ms(durationSeconds);
  const indexed = cuts.map((c, index) => ({ start: ms(c.start), end: ms(c.end), index }));
  for (const c of indexed) {
    if (c.end <= c.start) throw new TrimError({ code: 'empty_cut', index: c.index });
    if (c.end > duration)
      throw new TrimError({ code: 'outside_recording', index: c.index, durationSeconds: duration });
  }
  indexed.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TimeRange[] = [];
  for (const c of indexed) {
    const last = merged.at(-1);
    if (last && c.start < last.end) throw new TrimError({ code: 'overlapping_cuts', index: c.index });
    if (last && c.start === last.end) last.end = c.end;
    else merged.push({ start: c.start, end: c.end });
  }
  const kept = ms(duration - merged.reduce((sum, c) => sum + (c.end - c.start), 0));
  if (kept < MIN_TRIM_KEPT_SECONDS) throw new TrimError({ code: 'too_little_left', keptSeconds: kept });
  return merged;
}

/** The ranges of the source that stay, in order: the complement of normalised cuts. */
export function keptRanges(cuts: readonly TimeRange[], durationSeconds: number): TimeRange[] {
  const kept: TimeRange[] = [];
  let at = 0;
  for (const c of cuts) {
    if (c.start > at) kept.push({ start: at, end: c.start });
    at = Math.max(at, c.end);
  }
  if (durationSeconds > at) kept.push({ start: at, end: durationSeconds });
  return kept;
}

/** How long the trimmed recording is. */
export function trimmedDuration(cuts: readonly TimeRange[], durationSeconds: number): number {
  return keptRanges(cuts, durationSeconds).reduce((sum, r) => sum + (r.end - r.start), 0);
}

/**
 * Source time → trimmed time; null inside a cut. A time on a cut's start belongs to the cut (the
 * range is half open, [start, end)), a time on its end to what follows.
 */
export function toTrimmedTime(cuts: readonly TimeRange[], sourceSeconds: number): number | null {
  let removed = 0;
  for (const c of cuts) {
    if (sourceSeconds < c.start) break;
    if (sourceSeconds < c.end) return null;
    removed += c.end - c.start;
  }
  return sourceSeconds - removed;
}

/**
 * Source time → trimmed time, a time inside a cut going to where the cut was (the moment after
 * it). Used for the ends of ranges that straddle a cut.
 */
export function toTrimmedTimeClamped(cuts: readonly TimeRange[], sourceSeconds: number): number {
  let removed = 0;
  for (const c of cuts) {
    if (sourceSeconds < c.start) break;
    if (sourceSeconds < c.end) return c.start - removed;
    removed += c.end - c.start;
  }
  return sourceSeconds - removed;
}

/** Trimmed time → source time (the inverse of toTrimmedTime on what was kept). */
export function toSourceTime(cuts: readonly TimeRange[], trimmedSeconds: number): number {
  let t = trimmedSeconds;
  for (const c of cuts) {
    if (t < c.start) break;
    t += c.end - c.start;
  }
  return t;
}

/**
 * A source range → the trimmed range it becomes: null when nothing of it is left (wholly inside
 * a cut, or shorter than a millisecond after clipping); clipped where it straddles a cut's edge;
 * shortened by the cuts inside it.
 */
export function mapRange(cuts: readonly TimeRange[], range: TimeRange): TimeRange | null {
  const start = toTrimmedTimeClamped(cuts, range.start);
  const end = toTrimmedTimeClamped(cuts, range.end);
  if (ms(end) - ms(start) < 0.001) return null;
  return { start: ms(start), end: ms(end) };
}

/** Cues in milliseconds (captions): dropped inside a cut, shifted after one, clipped across an edge. */
export function remapCues<T extends { startMs: number; endMs: number }>(
  cuts: readonly TimeRange[],
  cues: readonly T[],
): T[] {
  const out: T[] = [];
  for (const cue of cues) {
    const r = mapRange(cuts, { start: cue.startMs / 1000, end: cue.endMs / 1000 });
    if (r) out.push({ ...cue, startMs: Math.round(r.start * 1000), endMs: Math.round(r.end * 1000) });
  }
  return out;
}

/** A range in the times of an earlier trim → source time (an end on a kept range's end stays before the cut after it). */
export function untrimRange(previous: readonly TimeRange[], range: TimeRange): TimeRange {
  return {
    start: ms(toSourceTime(previous, range.start)),
    end: ms(toSourceTime(previous, range.end - 0.0005) + 0.0005),
  };
}

/**
 * A range made for an earlier trim, moved onto a new one: back to source time through the cuts it
 * was made for, then through the new cuts. What the earlier trim dropped stays dropped.
 */
export function retrimRange(
  previous: readonly TimeRange[],
  next: readonly TimeRange[],
  range: TimeRange,
): TimeRange | null {
  return mapRange(next, untrimRange(previous, range));
}

/** retrimRange for cues in milliseconds (captions). */
export function retrimCues<T extends { startMs: number; endMs: number }>(
  previous: readonly TimeRange[],
  next: readonly TimeRange[],
  cues: readonly T[],
): T[] {
  const out: T[] = [];
  for (const cue of cues) {
    const r = retrimRange(previous, next, { start: cue.startMs / 1000, end: cue.endMs / 1000 });
    if (r) out.push({ ...cue, startMs: Math.round(r.start * 1000), endMs: Math.round(r.end * 1000) });
  }
  return out;
}

/**
 * The cuts of a new trim in source time, from those already applied and cuts made on the current
 * (trimmed) version's timeline: each new cut goes back to source time and the overlapping or
 * touching ones are merged, so what was cut stays cut and the result is what `normaliseCuts` takes.
 */
export function composeCuts(applied: readonly TimeRange[], onCurrent: readonly TimeRange[]): TimeRange[] {
  const inSource = onCurrent
    .filter((c) => c.end > c.start)
    .map((c) => ({ start: ms(toSourceTime(applied, c.start)), end: ms(untrimRange(applied, c).end) }));
  const all = [...applied.map((c) => ({ ...c })), ...inSource].sort((a, b) => a.start - b.start);
  const merged: TimeRange[] = [];
  for (const c of all) {
    const last = merged.at(-1);
    if (last && c.start <= last.end) last.end = Math.max(last.end, c.end);
    else merged.push({ ...c });
  }
  return merged;
}
