import type { CaptionCue } from './captions.ts';

/**
 * The caption editor's operations, as pure functions on a list of cues: each returns a new
 * list and never changes the one it was given, so the editor can keep the old one for undo.
 * Times are whole milliseconds; no operation makes a cue shorter than `MIN_CUE_MS`.
 */
export const MIN_CUE_MS = 100;

const clampIndex = (cues: readonly CaptionCue[], index: number) =>
  Number.isInteger(index) && index >= 0 && index < cues.length;

/**
 * Splits a cue in two at a point in time (e.g. the player's current time) and at a place in its
 * text (e.g. the cursor). A time outside the cue (or too near its ends) splits it in the middle
 * of its duration, and a text place of 0 or beyond the end splits the text at the word boundary
 * nearest its middle.
 */
export function splitCue(
  cues: readonly CaptionCue[],
  index: number,
  at: { timeMs?: number; textOffset?: number } = {},
): CaptionCue[] {
  if (!clampIndex(cues, index)) return [...cues];
  const cue = cues[index]!;
  if (cue.endMs - cue.startMs < 2 * MIN_CUE_MS) return [...cues];
  const time =
    at.timeMs !== undefined && at.timeMs >= cue.startMs + MIN_CUE_MS && at.timeMs <= cue.endMs - MIN_CUE_MS
      ? Math.round(at.timeMs)
      : Math.round((cue.startMs + cue.endMs) / 2);
  const offset =
    at.textOffset !== undefined && at.textOffset > 0 && at.textOffset < cue.text.length
      ? at.textOffset
      : middleWordBreak(cue.text);
  const first = cue.text.slice(0, offset).trim();
  const second = cue.text.slice(offset).trim();
  const out = [...cues];
  out.splice(
    index,
    1,
    { startMs: cue.startMs, endMs: time, text: first || second },
    { startMs: time, endMs: cue.endMs, text: first && second ? second : first || second },
  );
  return out;
}

/** The whitespace nearest the middle of a text, or its middle when it has none. */
export function middleWordBreak(text: string): number {
  const middle = Math.floor(text.length / 2);
  let best = -1;
  for (let i = 0; i < text.length; i++)
    if (/\s/.test(text[i]!) && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  return best > 0 ? best : middle;
}

/** Joins a cue with the one after it: from the first's start to the later end, texts on one line each. */
export function mergeWithNext(cues: readonly CaptionCue[], index: number): CaptionCue[] {
  if (!clampIndex(cues, index) || index + 1 >= cues.length) return [...cues];
  const a = cues[index]!;
  const b = cues[index + 1]!;
  const out = [...cues];
  out.splice(index, 2, {
    startMs: Math.min(a.startMs, b.startMs),
    endMs: Math.max(a.endMs, b.endMs),
    text: [a.text, b.text]
      .filter(Boolean)
      .join(' ')
      .replace(/\s*\n\s*/g, ' '),
  });
  return out;
}

/**
 * Moves a cue's start or end by `deltaMs` (negative: earlier). A start stays at or after 0 and
 * at least MIN_CUE_MS before the end; an end stays at least MIN_CUE_MS after the start.
 */
export function nudgeCue(
  cues: readonly CaptionCue[],
  index: number,
  edge: 'start' | 'end',
  deltaMs: number,
): CaptionCue[] {
  if (!clampIndex(cues, index)) return [...cues];
  const cue = cues[index]!;
  const moved =
    edge === 'start'
      ? { ...cue, startMs: Math.max(0, Math.min(cue.startMs + deltaMs, cue.endMs - MIN_CUE_MS)) }
      : { ...cue, endMs: Math.max(cue.startMs + MIN_CUE_MS, cue.endMs + deltaMs) };
  const out = [...cues];
  out[index] = { ...moved, startMs: Math.round(moved.startMs), endMs: Math.round(moved.endMs) };
  return out;
}

/** A new empty cue after `index` (or first, for -1): in the gap after it, two seconds long. */
export function addCueAfter(cues: readonly CaptionCue[], index: number, atMs?: number): CaptionCue[] {
  const before = index >= 0 ? cues[index] : undefined;
  const startMs = Math.round(atMs ?? before?.endMs ?? 0);
  const out = [...cues];
  out.splice(index + 1, 0, { startMs, endMs: startMs + 2_000, text: '' });
  return out;
}

export function deleteCue(cues: readonly CaptionCue[], index: number): CaptionCue[] {
  if (!clampIndex(cues, index)) return [...cues];
  return cues.filter((_, i) => i !== index);
}

export function setCueText(cues: readonly CaptionCue[], index: number, text: string): CaptionCue[] {
  if (!clampIndex(cues, index)) return [...cues];
  const out = [...cues];
  out[index] = { ...cues[index]!, text };
  return out;
}

/** The cue showing at a time, if any (the first, when cues overlap). */
export function cueAt(cues: readonly CaptionCue[], timeMs: number): number {
  return cues.findIndex((c) => c.startMs <= timeMs && timeMs < c.endMs);
}
