/** The languages a recording's event may be in; each engine says which of them it can hear. */
export type SpeechLanguage = 'nb' | 'nn' | 'en';

/** One recognised word and when it was said, in seconds from the start of the audio. */
export interface RecognisedWord {
  text: string;
  start: number;
  end: number;
}

export interface TranscribeOptions {
  /** Forced from the event: an engine never guesses the language. */
  language: SpeechLanguage;
  /** Seconds of audio recognised so far (the engine's own position in the audio). */
  onPosition?: (seconds: number) => void;
  signal?: AbortSignal;
  /** Stop the engine when it has reported nothing for this long. */
  stallTimeoutMs?: number;
}

/**
 * A speech recogniser. `audioPath` is a 16 kHz mono 16-bit WAV file (`extractSpeechAudio`), so
 * no engine ever opens a recording itself.
 */
export interface SpeechEngine {
  readonly name: 'whisper' | 'pocketsphinx';
  /** Why this engine cannot transcribe the language, or null when it can. */
  refusal(language: SpeechLanguage): string | null;
  transcribe(audioPath: string, options: TranscribeOptions): Promise<RecognisedWord[]>;
}

/** The engine cannot do what was asked (a language it does not know, a model file that is not there): no retry helps. */
export class SpeechEngineUnusableError extends Error {
  override name = 'SpeechEngineUnusableError';
}

/** The recogniser ran and failed. */
export class SpeechEngineFailedError extends Error {
  override name = 'SpeechEngineFailedError';
}
