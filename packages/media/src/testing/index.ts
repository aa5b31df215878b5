export { ffprobeStreams, makeClip } from './make-clip.ts';
