// Measurements that compare media with what was sent: the recording and browser tests use them.
export * from './audio-level.ts';
export * from './compare-pictures.ts';
