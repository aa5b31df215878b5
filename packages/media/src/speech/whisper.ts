import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { runRecogniser } from './run-recogniser.ts';
import {
  type RecognisedWord,
  type SpeechEngine,
  SpeechEngineFailedError,
  SpeechEngineUnusableError,
  type SpeechLanguage,
  type TranscribeOptions,
} from './types.ts';

export interface WhisperSettings {
  /** whisper.cpp's command-line program (`whisper-cli`; `main` in older builds). */
  bin: string;
  /** A ggml model file, e.g. NB-Whisper's `ggml-model.bin` (CAPTIONS_MODEL_PATH). */
  modelPath: string;
  /** Threads whisper.cpp may use; 0 leaves its default. */
  threads: number;
}

/**
 * whisper.cpp's language codes for the event's: NB-Whisper is trained to write bokmål for `no`
 * and nynorsk for `nn`. Always passed, so the model never detects the language itself.
 */
export const whisperLanguage: Record<SpeechLanguage, 'no' | 'nn' | 'en'> = { nb: 'no', nn: 'nn', en: 'en' };

/**
 * The arguments: the language forced, one word per segment (`-ml 1 -sow`) so each has its own
 * times, and the result as JSON in `outPrefix.json`.
 */
export function whisperArgs(
  settings: WhisperSettings,
  audioPath: string,
  language: SpeechLanguage,
  outPrefix: string,
): string[] {
  return [
    '-m',
    settings.modelPath,
    '-f',
    audioPath,
    '-l',
    whisperLanguage[language],
    '-ml',
    '1',
    '-sow',
    '-oj',
    '-of',
    outPrefix,
    ...(settings.threads > 0 ? ['-t', String(settings.threads)] : []),
  ];
}

const outputSchema = z.object({
  transcription: z.array(
    z.object({
      offsets: z.object({ from: z.number().nonnegative(), to: z.number().nonnegative() }),
      text: z.string(),
    }),
  ),
});

/** Segments that are no words: blanks and sound labels such as `[MUSIC]`, `(applaus)` or `[_BEG_]`. */
const NOT_SPOKEN = /^(\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|♪+)$/;

/** whisper.cpp's `-oj` output (offsets in milliseconds) as words. */
export function parseWhisperJson(text: string): RecognisedWord[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SpeechEngineFailedError('whisper.cpp wrote output that is not JSON', { cause: err });
  }
  const parsed = outputSchema.safeParse(json);
  if (!parsed.success) throw new SpeechEngineFailedError('whisper.cpp wrote JSON without a transcription');
  const words: RecognisedWord[] = [];
  for (const segment of parsed.data.transcription) {
    const word = segment.text.trim();
    if (word === '' || NOT_SPOKEN.test(word)) continue;
    const start = segment.offsets.from / 1000;
    words.push({ text: word, start, end: Math.max(start, segment.offsets.to / 1000) });
  }
  return words;
}

const TIME = String.raw`(\d+):(\d{2}):(\d{2})[.,](\d{3})`;
const SEGMENT_LINE = new RegExp(String.raw`^\[${TIME} --> ${TIME}\]`);

/** The end of a segment whisper.cpp prints as it goes (`[00:00:01.230 --> 00:00:01.500]  ord`), in seconds. */
export function parseWhisperPosition(line: string): number | null {
  const m = SEGMENT_LINE.exec(line.trim());
  if (!m) return null;
  const [h, min, s, ms] = [m[5], m[6], m[7], m[8]].map(Number) as [number, number, number, number];
  return h * 3600 + min * 60 + s + ms / 1000;
}

/** whisper.cpp with a model file the operator points to (NB-Whisper for bokmål and nynorsk). */
export function createWhisperEngine(settings: WhisperSettings): SpeechEngine {
  return {
    name: 'whisper',
    refusal: () => null,
    async transcribe(audioPath: string, options: TranscribeOptions) {
      await access(settings.modelPath).catch(() => {
        throw new SpeechEngineUnusableError(
          `The whisper.cpp model file is missing (CAPTIONS_MODEL_PATH=${settings.modelPath})`,
        );
      });
      // Beside the audio, in the job's own work directory.
      const dir = await mkdtemp(path.join(path.dirname(audioPath), 'whisper-'));
      try {
        const outPrefix = path.join(dir, 'result');
        await runRecogniser({
          label: 'whisper.cpp',
          bin: settings.bin,
          args: whisperArgs(settings, audioPath, options.language, outPrefix),
          signal: options.signal,
          stallTimeoutMs: options.stallTimeoutMs,
          onStdoutLine(line) {
            const position = parseWhisperPosition(line);
            if (position !== null) options.onPosition?.(position);
          },
        });
        return parseWhisperJson(await readFile(`${outPrefix}.json`, 'utf8'));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
