export { killWorkerProcess, signalWorkerGroup, startWorkerProcess } from './worker-process.ts';
