import { type ChildProcess, spawn } from 'node:child_process';
import { loadConfigOrExit } from '@folkemote/config';
import { buildWebIfStale } from './build-web.ts';

// Starts the whole system on this machine. With PGlite (no DATABASE_URL) the API process runs the
// worker too; with PostgreSQL the worker runs as a process of its own, as in production.
const config = loadConfigOrExit();
buildWebIfStale();

const children: ChildProcess[] = [];
const start = (file: string) => {
  const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${file} stopped (${signal ?? code}); stopping the rest`);
      stop(code ?? 1);
    }
  });
  children.push(child);
};

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

start('apps/api/src/main.ts');
if (!config.worker.inProcess) start('apps/worker/src/main.ts');
