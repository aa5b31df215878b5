import ffmpeg from 'fluent-ffmpeg';
import { AbortError, FfmpegFailedError, FfmpegStalledError, UnusableMediaError } from './errors.ts';
import { type FfmpegInvocation, inputArgs, isProgressLine, parseProgressTime } from './ffmpeg-invocation.ts';

export interface RunFfmpegOptions {
  /** Names the run in errors ('the main transcode', 'the loudness analysis'). */
  step: string;
  /** Working directory; relative output paths resolve against it. */
  cwd?: string;
  signal?: AbortSignal;
  /** Kill ffmpeg when its time position has not advanced for this long. */
  stallTimeoutMs: number;
  /** ffmpeg's own time position in seconds, from its `-progress` reports. */
  onPosition?: (seconds: number) => void;
  /** Scheduling niceness (0–19): side work runs niced so the run on the critical path gets the CPU first. */
  niceness?: number;
}

export interface FfmpegRunResult {
  /** ffmpeg's diagnostic lines (progress blocks removed). */
  log: string[];
}

const LOG_LINES_KEPT = 400;

/** Patterns in ffmpeg's errors that mean the input is bad, not that ffmpeg broke. */
const BAD_INPUT_PATTERNS: [RegExp, string][] = [
  [/moov atom not found/i, 'The file is truncated: the MP4 index (moov atom) is missing'],
  [/partial file/i, 'The file is truncated: it ends before the recording does'],
  [/Invalid data found when processing input/i, 'The file is not a video or audio recording'],
  [/does not contain any stream/i, 'The file contains neither video nor audio'],
];

/**
 * Runs ffmpeg through fluent-ffmpeg with a watchdog: when ffmpeg's reported time position
 * stops advancing for `stallTimeoutMs` it is killed with SIGKILL (a hung ffmpeg ignores
 * gentler signals) and the run fails with FfmpegStalledError. An AbortSignal kills it too.
 */
export function runFfmpeg(invocation: FfmpegInvocation, options: RunFfmpegOptions): Promise<FfmpegRunResult> {
  const { step, cwd, signal, stallTimeoutMs, onPosition, niceness } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortError('The transcode was aborted', { cause: signal.reason }));
      return;
    }
    const command = ffmpeg({ stdoutLines: 50, ...(cwd ? { cwd } : {}), ...(niceness ? { niceness } : {}) });
    invocation.inputs.forEach((input, i) => {
      const { options, source } = inputArgs(input);
      command.input(source);
      // Global options ride on the first input: ffmpeg accepts them anywhere before outputs.
      const opts = i === 0 ? [...invocation.globalOptions, ...options] : options;
      command.inputOptions(...opts);
    });
    if (invocation.filterComplex) command.complexFilter(invocation.filterComplex);
    for (const output of invocation.outputs) {
      command.output(output.path);
      if (output.options.length > 0) command.outputOptions(...output.options);
    }

    const log: string[] = [];
    let position = -1;
    let lastAdvance = Date.now();
    let stalled = false;
    let aborted = false;
    let settled = false;

    const watchdog = setInterval(
      () => {
        if (Date.now() - lastAdvance > stallTimeoutMs) {
          stalled = true;
          command.kill('SIGKILL');
        }
      },
      Math.max(50, Math.min(1000, stallTimeoutMs / 4)),
    );
    const onAbort = () => {
      aborted = true;
      command.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve({ log });
    };

    // A kill requested while fluent-ffmpeg was still preparing finds no process; repeat it.
    command.on('start', () => {
      if (aborted || stalled) command.kill('SIGKILL');
    });
    command.on('stderr', (line: string) => {
      const seconds = parseProgressTime(line);
      if (seconds !== null) {
        if (seconds > position) {
          position = seconds;
          lastAdvance = Date.now();
          onPosition?.(seconds);
        }
        return;
      }
      if (line.trim() === '' || isProgressLine(line)) return;
      log.push(line);
      if (log.length > LOG_LINES_KEPT) log.shift();
    });
    command.on('error', (err: Error) => {
      if (aborted) return finish(new AbortError('The transcode was aborted', { cause: signal?.reason }));
      if (stalled) return finish(new FfmpegStalledError(step, stallTimeoutMs));
      const tail = log.slice(-20).join('\n');
      for (const [pattern, reason] of BAD_INPUT_PATTERNS) {
        if (pattern.test(tail)) return finish(new UnusableMediaError(reason));
      }
      return finish(new FfmpegFailedError(step, describeExit(err.message), tail));
    });
    command.on('end', () => finish(null));
    command.run();
  });
}

function describeExit(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  const match = /(exited with code \d+|killed with signal \w+)/.exec(firstLine);
  return match ? `ffmpeg ${match[1]}` : firstLine.slice(0, 200);
}
