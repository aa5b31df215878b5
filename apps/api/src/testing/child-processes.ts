import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export interface RunningProcess {
  child: ChildProcess;
  /** The first log entry the ready message came with (the URL it listens on, and so on). */
  ready: Record<string, unknown>;
  /** Log entries (JSON lines) seen so far. */
  logs: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/**
 * Starts an entry point (`system/src/main.ts`, `apps/worker/src/main.ts`) as in production, in
 * a process group of its own (so a kill takes its ffmpeg children along), and resolves once it
 * logs `readyMessage`. Its log must be at level info or below.
 */
export function startProcess(
  entry: string,
  env: Record<string, string>,
  readyMessage: string,
): Promise<RunningProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    const logs: Array<Record<string, unknown>> = [];
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    let buffered = '';
    let done = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n').slice(0, -1)) {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue; // The banner and other plain text.
        }
        logs.push(entry);
        if (!done && entry.msg === readyMessage) {
          done = true;
          resolve({ child, ready: entry, logs, exited });
        }
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    });
    void exited.then((code) => {
      if (!done) reject(new Error(`${entry} exited with ${code} before "${readyMessage}"`));
    });
  });
}

export const startApiProcess = (env: Record<string, string>) =>
  startProcess('system/src/main.ts', env, 'Folkemøte is running');

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Sends the signal to the whole group and waits for the process to end. */
export async function stopProcess(
  proc: RunningProcess | null | undefined,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<void> {
  if (!proc?.child.pid || !running(proc.child)) return;
  process.kill(signal === 'SIGKILL' ? -proc.child.pid : proc.child.pid, signal);
  await proc.exited;
}
