export * from './create-staff-link.ts';
export * from './event-actor.ts';
export * from './require-event-actor.ts';
export * from './resolve-event-actor.ts';
export * from './resolve-join-token.ts';
export * from './staff-token.ts';
