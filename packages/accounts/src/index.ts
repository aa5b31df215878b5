export * from './create-api-token.ts';
export * from './create-organiser-account.ts';
export * from './password-hash.ts';
export * from './secret-token.ts';
