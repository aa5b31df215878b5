export * from './api-deps.ts';
export * from './build-server.ts';
export * from './recordings/import-recording.ts';
export * from './system.ts';
