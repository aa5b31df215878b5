export * from './create-speech-engine.ts';
export * from './extract-speech-audio.ts';
export * from './pocketsphinx.ts';
export * from './types.ts';
export * from './whisper.ts';
export * from './word-error-rate.ts';
