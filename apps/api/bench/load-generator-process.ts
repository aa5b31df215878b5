import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadPlan, LoadResult } from './load-generator.ts';

export interface LoadGeneratorProcess {
  run(plan: LoadPlan): Promise<LoadResult>;
  stop(): Promise<void>;
}

type Message = { ready: true } | { ok: true; result: LoadResult } | { ok: false; error: string };

/** Starts the load generator in a process of its own and waits until it listens for plans. */
export async function startLoadGeneratorProcess(): Promise<LoadGeneratorProcess> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./load-generator.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const waiting: Array<{ resolve: (r: LoadResult) => void; reject: (e: Error) => void }> = [];
  let ready: () => void;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  child.on('message', (message: Message) => {
    if ('ready' in message) return ready();
    const next = waiting.shift();
    if (!next) return;
    if (message.ok) next.resolve(message.result);
    else next.reject(new Error(`load generator: ${message.error}`));
  });
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`load generator exited with ${code}`));
  });
  await started;
  return {
    run(plan) {
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.send(plan);
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
