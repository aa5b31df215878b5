export * from './create-worker-deps.ts';
export * from './deps.ts';
export * from './logger.ts';
export * from './pipeline.ts';
export * from './registry.ts';
export * from './site-writer.ts';
export * from './start-worker.ts';
