export * from './event.ts';
export * from './manifest.ts';
export * from './progress.ts';
export * from './recording.ts';
export * from './recording-state.ts';
export * from './registration.ts';
