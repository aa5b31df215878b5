import { describe, expect, it } from 'vitest';
import { CUE_RULES, cueRuleBreaks, cuesFromWords, type TimedWord, wrapCueText } from './speech-cues.ts';

/** Words spoken one after another at `wordsPerSecond`, with no pause. */
function speech(text: string, wordsPerSecond: number, from = 0): TimedWord[] {
  return text.split(' ').map((word, i) => ({
    text: word,
    start: from + i / wordsPerSecond,
    end: from + (i + 0.9) / wordsPerSecond,
  }));
}

const LOREM =
  'det er en glede å ønske velkommen til dette folkemøtet om den nye kommuneplanen der vi skal snakke om veier skoler og helsetjenester i årene som kommer og svare på spørsmål fra salen';

describe('cuesFromWords', () => {
  it('keeps every rule for speech at an ordinary pace', () => {
    const cues = cuesFromWords(speech(LOREM, 2.5));
    expect(cues.length).toBeGreaterThan(2);
    for (const cue of cues) expect(cueRuleBreaks(cue)).toEqual([]);
    expect(cues.map((c) => c.text.replace(/\n/g, ' ')).join(' ')).toBe(LOREM);
  });

  it('keeps every rule for speech too fast to read, the cues following one another without overlap', () => {
    const cues = cuesFromWords(speech(`${LOREM} ${LOREM}`, 6));
    for (const cue of cues) expect(cueRuleBreaks(cue)).toEqual([]);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.startMs).toBeGreaterThanOrEqual(cues[i - 1]!.endMs);
  });

  it('shows a lone short word for at least a second', () => {
    const [cue] = cuesFromWords([{ text: 'Ja.', start: 3, end: 3.2 }]);
    expect(cue).toEqual({ startMs: 3000, endMs: 4000, text: 'Ja.' });
  });

  it('starts a new cue after a pause and after a finished sentence', () => {
    const pause = cuesFromWords([...speech('god kveld alle sammen', 3), ...speech('velkommen hit', 3, 5)]);
    expect(pause.map((c) => c.text)).toEqual(['god kveld alle sammen', 'velkommen hit']);
    const sentence = cuesFromWords(speech('Dette er den første setningen vår. Her kommer den andre', 3));
    expect(sentence[0]!.text.replace(/\n/g, ' ')).toBe('Dette er den første setningen vår.');
  });

  it('splits a word longer than a line and never makes more than two lines of 42', () => {
    const url = 'https://www.example.kommune.no/planer/kommuneplan-2030/horing-og-innspill';
    const cues = cuesFromWords([{ text: url, start: 0, end: 4 }, ...speech('er adressen', 3, 4)]);
    for (const cue of cues) expect(cueRuleBreaks(cue)).toEqual([]);
    expect(cues.map((c) => c.text.replace(/\n/g, '')).join('')).toContain(
      url.slice(0, CUE_RULES.maxLineChars),
    );
  });

  it('makes nothing of nothing', () => {
    expect(cuesFromWords([])).toEqual([]);
  });
});

describe('wrapCueText', () => {
  it('balances two lines and refuses text that needs three', () => {
    expect(wrapCueText('kort')).toEqual(['kort']);
    const lines = wrapCueText('dette er en setning som er litt for lang til å stå på én linje');
    expect(lines).toHaveLength(2);
    expect(Math.abs(lines![0]!.length - lines![1]!.length)).toBeLessThan(10);
    expect(wrapCueText('ord '.repeat(30).trim())).toBeNull();
  });
});

describe('cueRuleBreaks', () => {
  it('names each broken rule', () => {
    expect(cueRuleBreaks({ startMs: 0, endMs: 500, text: 'a' })).toEqual(['too_short']);
    expect(cueRuleBreaks({ startMs: 0, endMs: 8000, text: 'a' })).toEqual(['too_long']);
    expect(cueRuleBreaks({ startMs: 0, endMs: 1000, text: 'x'.repeat(20) })).toEqual(['too_fast']);
    expect(cueRuleBreaks({ startMs: 0, endMs: 6000, text: 'a\nb\nc' })).toEqual(['lines']);
    expect(cueRuleBreaks({ startMs: 0, endMs: 6000, text: 'y'.repeat(43) })).toEqual(['line_length']);
  });
});
