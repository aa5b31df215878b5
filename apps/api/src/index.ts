export * from './api-deps.ts';
export * from './build-server.ts';
export * from './organisers/create-api-token.ts';
export * from './organisers/create-organiser-account.ts';
export * from './system.ts';
