/** Lower case, letters and digits only (apostrophes inside words kept), for comparing transcripts. */
export function normaliseForWer(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Word-level edit distance (substitutions, insertions, deletions) between two word lists. */
export function wordEditDistance(reference: string[], hypothesis: string[]): number {
  let previous = Array.from({ length: hypothesis.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i++) {
    const row = [i];
    for (let j = 1; j <= hypothesis.length; j++) {
      const same = reference[i - 1] === hypothesis[j - 1] ? 0 : 1;
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + same));
    }
    previous = row;
  }
  return previous[hypothesis.length]!;
}

/** Word error rate of a hypothesis against a reference, both normalised: edits ÷ reference words. */
export function wordErrorRate(
  reference: string,
  hypothesis: string,
): { errors: number; words: number; wer: number } {
  const ref = normaliseForWer(reference);
  const errors = wordEditDistance(ref, normaliseForWer(hypothesis));
  return { errors, words: ref.length, wer: ref.length === 0 ? 0 : errors / ref.length };
}
