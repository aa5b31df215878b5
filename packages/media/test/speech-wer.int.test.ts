import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cueRuleBreaks, cuesFromWords } from '@folkemote/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPocketSphinxEngine, extractSpeechAudio, wordErrorRate } from '../src/speech/index.ts';

/**
 * Debian's PocketSphinx on the reference recordings of `pocketsphinx-testdata` (five sentences of
 * a LibriVox reading of Sense and Sensibility, with their transcripts): the word error rate, and
 * the cues made from the words keep the caption rules. scripts/bootstrap.sh installs the packages.
 */
const LIBRIVOX = '/usr/share/pocketsphinx/test/data/librivox';
const installed =
  existsSync(path.join(LIBRIVOX, 'transcription')) && existsSync('/usr/share/pocketsphinx/model/en-us');
if (!installed && !process.env.CI)
  console.log(
    'PocketSphinx test data missing (apt-get install pocketsphinx pocketsphinx-en-us pocketsphinx-testdata): skipped',
  );

/** `<s> words </s> (file-id)` per line. */
async function references(): Promise<Map<string, string>> {
  const text = await readFile(path.join(LIBRIVOX, 'transcription'), 'utf8');
  const refs = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^<s>\s*(.*?)\s*<\/s>\s*\((\S+)\)\s*$/.exec(line.trim());
    if (m) refs.set(m[2]!, m[1]!);
  }
  return refs;
}

describe.skipIf(!installed && !process.env.CI)('PocketSphinx on pocketsphinx-testdata', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'speech-wer-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('recognises the reference readings with a word error rate under 50 %, in cues that keep the rules', async () => {
    const engine = createPocketSphinxEngine();
    const refs = await references();
    expect(refs.size).toBe(5);
    let errors = 0;
    let words = 0;
    for (const [id, reference] of refs) {
      const audio = await extractSpeechAudio(
        { path: path.join(LIBRIVOX, `${id}.wav`), demuxer: 'wav' },
        path.join(dir, `${id}.wav`),
        { stallTimeoutMs: 60_000 },
      );
      const positions: number[] = [];
      const recognised = await engine.transcribe(audio, {
        language: 'en',
        onPosition: (s) => positions.push(s),
      });
      const hypothesis = recognised.map((w) => w.text).join(' ');
      const result = wordErrorRate(reference, hypothesis);
      console.log(
        `WER ${id}: ${(result.wer * 100).toFixed(1)} % (${result.errors}/${result.words})\n  ref: ${reference}\n  hyp: ${hypothesis}`,
      );
      errors += result.errors;
      words += result.words;
      expect(positions.length).toBeGreaterThan(0);
      const cues = cuesFromWords(recognised);
      expect(cues.length).toBeGreaterThan(0);
      for (const cue of cues) expect(cueRuleBreaks(cue), JSON.stringify(cue)).toEqual([]);
    }
    const wer = errors / words;
    console.log(
      `WER overall (pocketsphinx-en-us, ${refs.size} LibriVox utterances): ${(wer * 100).toFixed(1)} % (${errors}/${words} words)`,
    );
    expect(wer).toBeLessThan(0.5);
  });
});
