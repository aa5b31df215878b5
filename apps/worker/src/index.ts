export * from './create-worker-deps.ts';
export * from './deps.ts';
export { createBroadcastClose } from './jobs/broadcast-close.ts';
export * from './live/reconcile-live-rooms.ts';
export * from './registry.ts';
export * from './site-writer.ts';
export * from './stage-timer.ts';
export * from './start-worker.ts';
