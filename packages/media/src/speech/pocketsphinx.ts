import { access } from 'node:fs/promises';
import path from 'node:path';
import { runRecogniser } from './run-recogniser.ts';
import {
  type RecognisedWord,
  type SpeechEngine,
  SpeechEngineUnusableError,
  type SpeechLanguage,
  type TranscribeOptions,
} from './types.ts';

export interface PocketSphinxSettings {
  /** `pocketsphinx_continuous` from Debian's `pocketsphinx` package. */
  bin: string;
  /** The `pocketsphinx-en-us` model directory (acoustic model, language model, dictionary). */
  modelDir: string;
}

export const defaultPocketSphinxSettings: PocketSphinxSettings = {
  bin: 'pocketsphinx_continuous',
  modelDir: '/usr/share/pocketsphinx/model/en-us',
};

/** The files of Debian's `pocketsphinx-en-us` inside its model directory. */
function modelFiles(modelDir: string) {
  return {
    hmm: path.join(modelDir, 'en-us'),
    lm: path.join(modelDir, 'en-us.lm.bin'),
    dict: path.join(modelDir, 'cmudict-en-us.dict'),
  };
}

/** The program's arguments: word times on, its log silenced, the file read as 16 kHz mono. */
export function pocketSphinxArgs(settings: PocketSphinxSettings, audioPath: string): string[] {
  const { hmm, lm, dict } = modelFiles(settings.modelDir);
  return ['-infile', audioPath, '-time', 'yes', '-hmm', hmm, '-lm', lm, '-dict', dict, '-logfn', '/dev/null'];
}

/** Fillers and markers pocketsphinx reports among the words: silence, breath, noise, utterance edges. */
const NON_WORD = /^(<s>|<\/s>|<sil>|\[[A-Z_]+\]|\+\+?[A-Z_]+\+?\+?)$/;

/**
 * One line of `-time yes` output: `word start end confidence`. Returns the word (without its
 * pronunciation variant, `was(2)` → `was`), or null for the utterance's text line and for fillers.
 */
export function parsePocketSphinxLine(line: string): RecognisedWord | null {
  const match = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(line.trim());
  if (!match) return null;
  const word = match[1]!.replace(/\(\d+\)$/, '');
  if (NON_WORD.test(word)) return null;
  const start = Number(match[2]);
  const end = Number(match[3]);
  if (!(end >= start)) return null;
  return { text: word, start, end };
}

/** Debian's PocketSphinx with its US English model: no download at all, English only. */
export function createPocketSphinxEngine(
  settings: PocketSphinxSettings = defaultPocketSphinxSettings,
): SpeechEngine {
  return {
    name: 'pocketsphinx',
    refusal(language: SpeechLanguage) {
      return language === 'en'
        ? null
        : `PocketSphinx has a US English model only and cannot transcribe ${language === 'nn' ? 'nynorsk' : 'bokmål'}: configure whisper.cpp with an NB-Whisper model for Norwegian`;
    },
    async transcribe(audioPath: string, options: TranscribeOptions) {
      const refusal = this.refusal(options.language);
      if (refusal) throw new SpeechEngineUnusableError(refusal);
      const { hmm, lm, dict } = modelFiles(settings.modelDir);
      for (const file of [hmm, lm, dict])
        await access(file).catch(() => {
          throw new SpeechEngineUnusableError(
            `The PocketSphinx model is missing (${file}): install Debian's pocketsphinx-en-us`,
          );
        });
      const words: RecognisedWord[] = [];
      await runRecogniser({
        label: 'pocketsphinx',
        bin: settings.bin,
        args: pocketSphinxArgs(settings, audioPath),
        signal: options.signal,
        stallTimeoutMs: options.stallTimeoutMs,
        // Each utterance is printed when it ends, with times from the start of the file.
        onStdoutLine(line) {
          const word = parsePocketSphinxLine(line);
          if (!word) return;
          words.push(word);
          options.onPosition?.(word.end);
        },
      });
      return words;
    },
  };
}
