export { type Recorder, type RecorderOptions, startRecorder } from './start-recorder.ts';
