import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The standalone worker (`apps/worker/src/main.ts`) as production runs it, in its own process
 * group, so a kill takes its ffmpeg children too, as when a container dies. Its standard error
 * goes to the test's, unless `output` takes both its streams.
 */
export function startWorkerProcess(
  env: Record<string, string>,
  options: { output?: (chunk: Buffer) => void } = {},
): ChildProcess {
  const { output } = options;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: output ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  if (output) {
    child.stdout!.on('data', output);
    child.stderr!.on('data', output);
  }
  return child;
}

const running = (child: ChildProcess | null): child is ChildProcess & { pid: number } =>
  !!child?.pid && child.exitCode === null && child.signalCode === null;

/** Sends a signal to the worker and its children (SIGSTOP freezes it where it is, SIGKILL ends it). */
export function signalWorkerGroup(child: ChildProcess | null, signal: NodeJS.Signals): void {
  if (running(child)) process.kill(-child.pid, signal);
}

/** SIGKILLs the worker's whole group and waits until it is gone. */
export async function killWorkerProcess(child: ChildProcess | null): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGKILL');
  await exited;
}
