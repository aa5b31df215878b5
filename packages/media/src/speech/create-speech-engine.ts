import { createPocketSphinxEngine } from './pocketsphinx.ts';
import type { SpeechEngine, SpeechLanguage } from './types.ts';
import { createWhisperEngine } from './whisper.ts';

/** The engine settings the worker's configuration carries (CAPTIONS_* in the environment). */
export type SpeechEngineSettings =
  | { engine: 'none' }
  | { engine: 'whisper'; bin: string; modelPath: string; threads: number }
  | { engine: 'pocketsphinx'; bin: string; modelDir: string };

/** The configured engine, or null when none is. */
export function createSpeechEngine(settings: SpeechEngineSettings): SpeechEngine | null {
  switch (settings.engine) {
    case 'none':
      return null;
    case 'whisper':
      return createWhisperEngine(settings);
    case 'pocketsphinx':
      return createPocketSphinxEngine(settings);
  }
}

/** Why the engine of this name cannot transcribe the language, or null when it can (no engine built). */
export function speechEngineRefusal(
  engine: 'whisper' | 'pocketsphinx',
  language: SpeechLanguage,
): string | null {
  return engine === 'pocketsphinx' ? createPocketSphinxEngine().refusal(language) : null;
}
