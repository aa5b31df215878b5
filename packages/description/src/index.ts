export * from './description-text.ts';
export * from './render-description.ts';
