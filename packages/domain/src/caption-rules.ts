import type { CaptionCue } from './captions.ts';

/**
 * The usual rules for a readable caption (as in the Norwegian broadcasters' and the BBC's
 * guidelines): at most two lines of about 42 characters, on screen for 1 to 7 seconds, read at
 * no more than about 17 characters a second, and never over the next cue. They are advice, not
 * errors: a cue that breaks one is still saved, and the editor says which rule it breaks.
 */
export const captionRules = {
  maxLines: 2,
  maxLineChars: 42,
  minDurationMs: 1_000,
  maxDurationMs: 7_000,
  maxCharsPerSecond: 17,
} as const;

export type CueWarning =
  | { code: 'too_many_lines'; lines: number; limit: number }
  | { code: 'line_too_long'; line: number; chars: number; limit: number }
  | { code: 'too_short'; seconds: number; limit: number }
  | { code: 'too_long'; seconds: number; limit: number }
  | { code: 'too_fast'; charsPerSecond: number; limit: number }
  | { code: 'overlaps_next'; next: number };

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** What one cue breaks, leaving out the overlap (which needs its neighbour). */
export function checkCue(cue: CaptionCue): CueWarning[] {
  const warnings: CueWarning[] = [];
  const lines = cue.text.split('\n');
  if (lines.length > captionRules.maxLines)
    warnings.push({ code: 'too_many_lines', lines: lines.length, limit: captionRules.maxLines });
  lines.forEach((line, i) => {
    const chars = [...line].length;
    if (chars > captionRules.maxLineChars)
      warnings.push({ code: 'line_too_long', line: i + 1, chars, limit: captionRules.maxLineChars });
  });
  const duration = cue.endMs - cue.startMs;
  if (duration < captionRules.minDurationMs)
    warnings.push({
      code: 'too_short',
      seconds: seconds(duration),
      limit: captionRules.minDurationMs / 1000,
    });
  if (duration > captionRules.maxDurationMs)
    warnings.push({ code: 'too_long', seconds: seconds(duration), limit: captionRules.maxDurationMs / 1000 });
  // Reading speed counts what is read: the characters without the line breaks.
  const chars = [...cue.text.replace(/\n/g, ' ')].length;
  if (duration > 0) {
    const cps = (chars * 1000) / duration;
    if (cps > captionRules.maxCharsPerSecond)
      warnings.push({
        code: 'too_fast',
        charsPerSecond: Math.round(cps * 10) / 10,
        limit: captionRules.maxCharsPerSecond,
      });
  }
  return warnings;
}

/**
 * Every cue's warnings, in the cues' order. A cue overlaps when a later cue (by start) begins
 * before it ends; `next` is that cue's position (0-based) in the list as given.
 */
export function checkCues(cues: readonly CaptionCue[]): CueWarning[][] {
  const warnings = cues.map(checkCue);
  const order = cues.map((_, i) => i).sort((a, b) => cues[a]!.startMs - cues[b]!.startMs || a - b);
  for (let k = 0; k + 1 < order.length; k++) {
    const here = order[k]!;
    const next = order[k + 1]!;
    if (cues[next]!.startMs < cues[here]!.endMs) warnings[here]!.push({ code: 'overlaps_next', next });
  }
  return warnings;
}

/** How many cues break at least one rule, for the editor's summary. */
export function countCuesWithWarnings(warnings: readonly CueWarning[][]): number {
  return warnings.filter((w) => w.length > 0).length;
}
