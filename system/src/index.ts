// What the benchmarks of the whole system read of the worker's stage timings.
export { STAGE_TIMING_CHANNEL, type StageTiming } from '@folkemote/worker';
export * from './start-system.ts';
