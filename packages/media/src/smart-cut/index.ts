export * from './cut-invocations.ts';
export * from './plan-smart-cut.ts';
export * from './probe-for-cut.ts';
export * from './run-smart-cut.ts';
