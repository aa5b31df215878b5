export * from './access-withdrawals.ts';
export * from './connection.ts';
export * from './job-queues.ts';
export * from './jobs.ts';
export * from './room-changes.ts';
