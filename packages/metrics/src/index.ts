export * from './http-metrics.ts';
export * from './job-metrics.ts';
export * from './live-metrics.ts';
export * from './metrics-access.ts';
export * from './metrics-server.ts';
export * from './registry.ts';
export * from './s3-metrics.ts';
export * from './sampled-gauge.ts';
