/**
 * Errors the media package throws. The worker decides retries from the class:
 * bad input never gets better by retrying, a crashed or stuck ffmpeg may.
 */

/** The input cannot be used as a recording. `reason` is a sentence to show the organiser. */
export class UnusableMediaError extends Error {
  override readonly name = 'UnusableMediaError';
  readonly unrecoverable = true;
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** ffmpeg's time position stopped advancing; it was killed. */
export class FfmpegStalledError extends Error {
  override readonly name = 'FfmpegStalledError';
  readonly transient = true;
  constructor(
    readonly step: string,
    readonly stalledForMs: number,
  ) {
    super(`ffmpeg made no progress for ${Math.round(stalledForMs / 1000)} s during ${step} and was killed`);
  }
}

/** ffmpeg exited with an error that bad input does not explain. */
export class FfmpegFailedError extends Error {
  override readonly name = 'FfmpegFailedError';
  readonly transient = true;
  constructor(
    readonly step: string,
    readonly exitDescription: string,
    /** The last lines ffmpeg wrote to stderr, for the operator's logs. */
    readonly stderrTail: string,
  ) {
    super(`ffmpeg failed during ${step}: ${exitDescription}`);
  }
}

export class InsufficientDiskError extends Error {
  override readonly name = 'InsufficientDiskError';
  readonly transient = true;
  constructor(
    readonly dir: string,
    readonly neededBytes: number,
    readonly availableBytes: number,
  ) {
    super(
      `Not enough free disk space for the transcode: it needs about ${formatBytes(neededBytes)}, ` +
        `but only ${formatBytes(availableBytes)} is free`,
    );
  }
}

/** The output directory holds files this package did not write; it is never emptied. */
export class OutputDirectoryNotEmptyError extends Error {
  override readonly name = 'OutputDirectoryNotEmptyError';
  readonly unrecoverable = true;
  constructor(readonly dir: string) {
    super('The output directory is not empty and does not hold an earlier transcode');
  }
}

/** A quick version copies the source as it is; this source is not H.264/AAC (or not upright). */
export class QuickPublishNotPossibleError extends Error {
  override readonly name = 'QuickPublishNotPossibleError';
  readonly unrecoverable = true;
  constructor() {
    super(
      'The source cannot be published quickly: only upright H.264 video with AAC audio can be stream-copied',
    );
  }
}

/** Rejection of an operation whose AbortSignal fired; `name` is 'AbortError' like the platform's. */
export class AbortError extends Error {
  override readonly name = 'AbortError';
  readonly code = 'ABORT_ERR';
  constructor(message = 'The operation was aborted', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True for errors that no retry can fix (bad input, a directory we must not touch). */
export function isUnrecoverable(err: unknown): boolean {
  return (
    err instanceof UnusableMediaError ||
    err instanceof OutputDirectoryNotEmptyError ||
    err instanceof QuickPublishNotPossibleError
  );
}

/** True for errors worth retrying with backoff. */
export function isTransient(err: unknown): boolean {
  return (
    err instanceof FfmpegStalledError ||
    err instanceof FfmpegFailedError ||
    err instanceof InsufficientDiskError
  );
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError('The transcode was aborted', { cause: signal.reason });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(0, Math.round(bytes / 1e3))} kB`;
}
