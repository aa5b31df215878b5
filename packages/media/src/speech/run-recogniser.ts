import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AbortError } from '../errors.ts';
import { SpeechEngineFailedError } from './types.ts';

export interface RecogniserRun {
  /** Names the program in errors ('pocketsphinx', 'whisper.cpp'). */
  label: string;
  bin: string;
  args: string[];
  signal?: AbortSignal;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
  /** Kill the program when it has written nothing for this long (a hung recogniser holds the queue). */
  stallTimeoutMs?: number;
}

const STDERR_KEPT = 40;

/**
 * Runs a recogniser's command-line program, line by line, without a shell. The process is killed
 * when the signal aborts; a non-zero exit fails with the last lines it wrote to stderr.
 */
export function runRecogniser(run: RecogniserRun): Promise<void> {
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(new AbortError(`${run.label} was aborted`, { cause: run.signal.reason }));
      return;
    }
    const child = spawn(run.bin, run.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const onAbort = () => child.kill('SIGKILL');
    run.signal?.addEventListener('abort', onAbort, { once: true });
    let stalled = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      if (!run.stallTimeoutMs) return;
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        stalled = true;
        child.kill('SIGKILL');
      }, run.stallTimeoutMs);
    };
    alive();
    createInterface({ input: child.stdout }).on('line', (line) => {
      alive();
      run.onStdoutLine?.(line);
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      alive();
      tail.push(line);
      if (tail.length > STDERR_KEPT) tail.shift();
      run.onStderrLine?.(line);
    });
    child.on('error', (err) => {
      clearTimeout(watchdog);
      run.signal?.removeEventListener('abort', onAbort);
      reject(new SpeechEngineFailedError(`${run.label} could not be started (${run.bin})`, { cause: err }));
    });
    child.on('close', (code, killedBy) => {
      clearTimeout(watchdog);
      run.signal?.removeEventListener('abort', onAbort);
      if (stalled)
        reject(
          new SpeechEngineFailedError(
            `${run.label} wrote nothing for ${run.stallTimeoutMs} ms and was stopped`,
          ),
        );
      else if (run.signal?.aborted)
        reject(new AbortError(`${run.label} was aborted`, { cause: run.signal.reason }));
      else if (code === 0) resolve();
      else
        reject(
          new SpeechEngineFailedError(
            `${run.label} failed (${killedBy ?? `exit ${code}`}): ${tail.slice(-5).join(' | ')}`,
          ),
        );
    });
  });
}
