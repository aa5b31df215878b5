import type { CaptionCue } from './captions.ts';

/** A recognised word and its times in seconds, as a speech engine gives it. */
export interface TimedWord {
  text: string;
  start: number;
  end: number;
}

/** The usual caption rules: at most 2 lines of 42 characters, 1–7 seconds, at most 17 characters a second. */
export const CUE_RULES = { maxLines: 2, maxLineChars: 42, minMs: 1000, maxMs: 7000, maxCps: 17 } as const;

/** A pause this long in the speech starts a new cue. */
const PAUSE_MS = 1200;
/** After a sentence ends, a cue this long is left to stand on its own. */
const SENTENCE_BREAK_CHARS = 25;

/**
 * The text as at most two lines of `maxLineChars`, broken at a space so that the lines are as even
 * as they can be; null when it does not fit.
 */
export function wrapCueText(text: string, maxLineChars: number = CUE_RULES.maxLineChars): string[] | null {
  if (text.length <= maxLineChars) return [text];
  let best: string[] | null = null;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    const lines = [text.slice(0, i), text.slice(i + 1)];
    if (lines.some((l) => l.length > maxLineChars)) continue;
    const spread = Math.abs(lines[0]!.length - lines[1]!.length);
    if (!best || spread < Math.abs(best[0]!.length - best[1]!.length)) best = lines;
  }
  return best;
}

/** Characters a second of a cue (line breaks not counted). */
export function cueCps(cue: CaptionCue): number {
  const chars = cue.text.replace(/\n/g, '').length;
  return chars / ((cue.endMs - cue.startMs) / 1000);
}

/** Which of the rules a cue breaks, by name; empty when it keeps them all. */
export function cueRuleBreaks(
  cue: CaptionCue,
): ('lines' | 'line_length' | 'too_short' | 'too_long' | 'too_fast')[] {
  const breaks: ('lines' | 'line_length' | 'too_short' | 'too_long' | 'too_fast')[] = [];
  const lines = cue.text.split('\n');
  const duration = cue.endMs - cue.startMs;
  if (lines.length > CUE_RULES.maxLines) breaks.push('lines');
  if (lines.some((l) => l.length > CUE_RULES.maxLineChars)) breaks.push('line_length');
  if (duration < CUE_RULES.minMs) breaks.push('too_short');
  if (duration > CUE_RULES.maxMs) breaks.push('too_long');
  if (cueCps(cue) > CUE_RULES.maxCps + 1e-9) breaks.push('too_fast');
  return breaks;
}

/** A word longer than a line (a web address read out) in pieces that fit, its time shared by length. */
function splitLongWords(words: TimedWord[]): TimedWord[] {
  return words.flatMap((w) => {
    const text = w.text.trim();
    if (text.length <= CUE_RULES.maxLineChars) return text ? [{ ...w, text }] : [];
    const pieces = text.match(new RegExp(`.{1,${CUE_RULES.maxLineChars}}`, 'gu')) ?? [];
    const perChar = (w.end - w.start) / text.length;
    let at = w.start;
    return pieces.map((p) => {
      const piece = { text: p, start: at, end: at + p.length * perChar };
      at = piece.end;
      return piece;
    });
  });
}

/** Groups the words into runs that each fit one cue's text and span. */
function groupWords(words: TimedWord[]): TimedWord[][] {
  const groups: TimedWord[][] = [];
  let current: TimedWord[] = [];
  for (const word of words) {
    const last = current.at(-1);
    const text = [...current, word].map((w) => w.text).join(' ');
    const fits =
      last !== undefined &&
      wrapCueText(text) !== null &&
      (word.end - current[0]!.start) * 1000 <= CUE_RULES.maxMs &&
      (word.start - last.end) * 1000 < PAUSE_MS &&
      !(/[.!?]$/.test(last.text) && text.length - word.text.length - 1 >= SENTENCE_BREAK_CHARS);
    if (last !== undefined && !fits) {
      groups.push(current);
      current = [];
    }
    current.push(word);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Cues from recognised words that keep the caption rules (`CUE_RULES`): words are grouped while
 * they fit two lines and seven seconds, and a pause or the end of a sentence starts a new cue. A
 * cue shows for at least a second and long enough to be read at 17 characters a second; where
 * the speech is faster than that, the next cue starts when this one ends (a little behind the
 * speech, caught up at the next pause).
 */
export function cuesFromWords(input: TimedWord[]): CaptionCue[] {
  const words = splitLongWords([...input].sort((a, b) => a.start - b.start));
  const cues: CaptionCue[] = [];
  let previousEnd = 0;
  for (const group of groupWords(words)) {
    const lines = wrapCueText(group.map((w) => w.text).join(' '))!;
    const chars = lines.join('').length;
    const startMs = Math.max(Math.round(group[0]!.start * 1000), previousEnd);
    const readMs = Math.ceil((chars / CUE_RULES.maxCps) * 1000);
    const spokenEnd = Math.round(group.at(-1)!.end * 1000);
    const endMs = Math.min(
      startMs + CUE_RULES.maxMs,
      Math.max(spokenEnd, startMs + CUE_RULES.minMs, startMs + readMs),
    );
    cues.push({ startMs, endMs, text: lines.join('\n') });
    previousEnd = endMs;
  }
  return cues;
}
