import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AbortError } from './errors.ts';
import { fileUrl, mediaInputOptions, probeInputOptions, type RecordingDemuxer } from './recording-formats.ts';

export interface FfprobeResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Collected stdout, empty when `onLine` consumed it. */
  stdout: string;
  stderr: string;
}

export interface FfprobeRunOptions {
  signal?: AbortSignal;
  /** Streams stdout line by line instead of collecting it (packet listings can be large). */
  onLine?: (line: string) => void;
  /** A local file never takes this long; a hung ffprobe is killed. */
  timeoutMs?: number;
}

const STDERR_LIMIT = 64 * 1024;

/**
 * The file ffprobe reads: with the demuxer it was probed as, or, for its first probe, null,
 * which lets ffprobe find the demuxer among those a recording may be read with only.
 */
export interface FfprobeInput {
  path: string;
  demuxer: RecordingDemuxer | null;
}

/**
 * Runs ffprobe on one file and resolves with its output whatever the exit code, so callers can
 * tell bad input (which they turn into UnusableMediaError) from other trouble. The file is
 * opened here and nowhere else, through the `file` protocol only (see recording-formats.ts).
 */
export function runFfprobe(
  input: FfprobeInput,
  args: string[],
  options: FfprobeRunOptions = {},
): Promise<FfprobeResult> {
  const { signal, onLine, timeoutMs = 300_000 } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortError('The probe was aborted', { cause: signal.reason }));
      return;
    }
    const opening = input.demuxer ? mediaInputOptions(input.demuxer) : probeInputOptions();
    const child = spawn('ffprobe', ['-hide_banner', ...args, ...opening, '-i', fileUrl(input.path)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let aborted = false;
    let timedOut = false;

    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk;
    });
    let linesDone: Promise<void> = Promise.resolve();
    if (onLine) {
      const lines = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
      lines.on('line', onLine);
      linesDone = new Promise((done) => lines.once('close', () => done()));
    } else {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
      });
    }

    const onAbort = () => {
      aborted = true;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);

    child.once('error', (err) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
    child.once('close', (exitCode, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void linesDone.then(() => {
        if (aborted) reject(new AbortError('The probe was aborted', { cause: signal?.reason }));
        else if (timedOut)
          reject(new Error(`ffprobe did not finish within ${Math.round(timeoutMs / 1000)} s`));
        else resolve({ exitCode, signal: exitSignal, stdout, stderr });
      });
    });
  });
}
