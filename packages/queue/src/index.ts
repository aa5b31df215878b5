export * from './connection.ts';
export * from './job-queues.ts';
export * from './jobs.ts';
