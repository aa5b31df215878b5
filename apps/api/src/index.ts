export * from './api-deps.ts';
export * from './build-server.ts';
export * from './demo/seed-demo-content.ts';
export * from './demo/seed-demo-organisers.ts';
export * from './start-api.ts';
