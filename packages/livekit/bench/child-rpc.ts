import { type ChildProcess, fork } from 'node:child_process';

type Request<C> = { id: number; command: C };
type Answer<R> = { id: number; ok: true; reply: R } | { id: number; ok: false; error: string };
type Ready = { ready: true };

export interface BenchChild<C, R> {
  pid: number;
  call(command: C): Promise<R>;
  /** Asks the child to leave its rooms and exit; kills it if it has not within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a bench process (a TypeScript file run through tsx) and waits until it listens.
 * Its standard output is dropped (rtc-node logs there); errors come back as rejected calls.
 */
export async function startBenchChild<C, R>(file: string, stopCommand: C): Promise<BenchChild<C, R>> {
  const child: ChildProcess = fork(file, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const pending = new Map<number, { resolve: (reply: R) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  void exited.then(() => failAll(new Error(`${file} exited`)));
  // A send to a child that has gone emits 'error' on it; the calls waiting fail instead.
  child.on('error', failAll);
  await new Promise<void>((resolve, reject) => {
    child.once('message', (message: Ready) => (message.ready ? resolve() : reject(new Error('no ready'))));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
  });
  child.on('message', (answer: Answer<R>) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if (answer.ok) waiting.resolve(answer.reply);
    else waiting.reject(new Error(answer.error));
  });
  const call = (command: C) =>
    new Promise<R>((resolve, reject) => {
      if (!child.connected) return reject(new Error(`${file} is no longer running`));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, command } satisfies Request<C>);
    });
  return {
    pid: child.pid ?? 0,
    call,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      void call(stopCommand).catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child's side: answers each command with what `handle` resolves to, or its error. */
export function serveParent<C, R>(handle: (command: C) => Promise<R>): void {
  // Without the parent nobody stops this process: it goes with it.
  process.on('disconnect', () => process.exit(1));
  process.on('message', (request: Request<C>) => {
    handle(request.command).then(
      (reply) => process.send?.({ id: request.id, ok: true, reply } satisfies Answer<R>),
      (error: unknown) =>
        process.send?.({
          id: request.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        } satisfies Answer<R>),
    );
  });
  process.send?.({ ready: true } satisfies Ready);
}
